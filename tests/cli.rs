//! The one integration-test binary: every test drives the real `taizhang` on a temp store.

mod common;
mod test_agreement;
mod test_analysis;
mod test_backup;
mod test_common;
mod test_demo;
mod test_errors;
mod test_export;
mod test_hostile;
mod test_import;
mod test_import_documents;
mod test_import_ledger;
mod test_import_reviewed;
mod test_init;
mod test_items;
mod test_layers;
mod test_link_suggest;
mod test_merge;
mod test_pipes;
mod test_progress;
mod test_readme;
mod test_report;
mod test_show_history;
mod test_status;
mod test_store_safety;
mod test_undo;
