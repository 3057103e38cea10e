//! Reusable views, one component per file.

pub mod notice;
pub mod source_list;
