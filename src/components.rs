//! Reusable views, one component per file.

pub mod back;
pub mod certainty;
pub mod compare_bar;
pub mod compare_tick;
pub mod decide_nav;
pub mod figure_view;
pub mod icon_array;
pub mod notice;
pub mod option_card;
pub mod page_heading;
pub mod patient_text;
pub mod remember;
pub mod situation_notes;
pub mod source_list;
pub mod stage_button;
pub mod stage_choices;
pub mod stage_questions;
pub mod status_line;
pub mod topic_view;
pub mod warning_signs;
