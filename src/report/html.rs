//! placeholder
use super::model::Report;
/// x
pub fn render(_r: &Report) -> Result<String, askama::Error> {
    Ok(String::new())
}
