//! One page component per view of the hub.

pub mod joint;
pub mod stage;
pub mod start;
