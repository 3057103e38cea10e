//! One page component per view of the hub.

pub mod compare;
pub mod joint;
pub mod no_stage;
pub mod option;
pub mod options;
pub mod questions;
pub mod ready;
pub mod reference;
pub mod report;
pub mod stage;
pub mod start;
pub mod summary;
pub mod system;
pub mod term;
pub mod values;
pub mod work_it_out;
