//! The WordPress plugin's zip: `integrations/wordpress/avn-aid/` with the built script and a
//! `build-info.php` naming its version, as `dist/avn-aid-wordpress.zip`, ready for
//! Plugins → Add New → Upload. The zip is written here (deflate, fixed dates, sorted names) so
//! the same build always gives the same bytes.

use flate2::{write::DeflateEncoder, Compression, Crc};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The plugin's folder name inside the zip, which WordPress uses as its slug.
const SLUG: &str = "avn-aid";

/// Writes the plugin zip into `out` and returns its path and its size without the script.
pub fn package(
    root: &Path,
    out: &Path,
    script: &[u8],
    content_version: &str,
) -> Result<(PathBuf, usize), String> {
    let source = root.join("integrations/wordpress").join(SLUG);
    let mut files = Vec::new();
    collect(&source, &source, &mut files)?;
    let script_version: String = crate::dist::sha256_hex(script).chars().take(12).collect();
    let build_info = format!(
        "<?php\n// Written by `cargo xtask build`.\ndefined( 'ABSPATH' ) || exit;\n\
         return array( 'script_version' => '{script_version}', 'content_version' => '{}' );\n",
        content_version.replace(['\'', '\\'], "")
    );
    files.push(("build-info.php".to_string(), build_info.into_bytes()));
    let without_script: usize = files.iter().map(|(_, bytes)| bytes.len()).sum();
    files.push(("avn-aid.js".to_string(), script.to_vec()));
    files.sort();

    let mut zip = Zip::default();
    for (name, bytes) in &files {
        zip.add(&format!("{SLUG}/{name}"), bytes);
    }
    let path = out.join(format!("{SLUG}-wordpress.zip"));
    fs::write(&path, zip.finish()).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((path, without_script))
}

/// Every file under `dir`, named relative to `base` with `/`; the build's own outputs, if a
/// local run left them there, are skipped.
fn collect(base: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(base, &path, files)?;
            continue;
        }
        let name = path
            .strip_prefix(base)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if name != "avn-aid.js" && name != "build-info.php" {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((name, bytes));
        }
    }
    Ok(())
}

/// A zip archive being written: deflated entries, then the central directory.
#[derive(Default)]
struct Zip {
    bytes: Vec<u8>,
    directory: Vec<u8>,
    entries: u16,
}

/// 1980-01-01 00:00, the earliest date a zip can hold: no build time leaks into the bytes.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;
/// Names are UTF-8 (general-purpose flag bit 11).
const UTF8_NAMES: u16 = 1 << 11;
const DEFLATE: u16 = 8;
/// Version 2.0 (deflate); "made by" Unix, so the permissions below are read.
const VERSION: u16 = 20;
const MADE_BY_UNIX: u16 = (3 << 8) | VERSION;
/// A regular file, `rw-r--r--`, in the high half of the external attributes.
const FILE_MODE: u32 = 0o100644 << 16;

impl Zip {
    fn add(&mut self, name: &str, data: &[u8]) {
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(data).expect("in-memory write");
        let deflated = encoder.finish().expect("in-memory write");
        let mut crc = Crc::new();
        crc.update(data);
        let offset = self.bytes.len() as u32;
        let sizes = [crc.sum(), deflated.len() as u32, data.len() as u32];

        let local = &mut self.bytes;
        put32(local, 0x0403_4b50);
        for field in [VERSION, UTF8_NAMES, DEFLATE, DOS_TIME, DOS_DATE] {
            put16(local, field);
        }
        sizes.iter().for_each(|&s| put32(local, s));
        put16(local, name.len() as u16);
        put16(local, 0);
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(&deflated);

        let central = &mut self.directory;
        put32(central, 0x0201_4b50);
        for field in [
            MADE_BY_UNIX,
            VERSION,
            UTF8_NAMES,
            DEFLATE,
            DOS_TIME,
            DOS_DATE,
        ] {
            put16(central, field);
        }
        sizes.iter().for_each(|&s| put32(central, s));
        // Name length, then no extra field, comment, disk number or internal attributes.
        for field in [name.len() as u16, 0, 0, 0, 0] {
            put16(central, field);
        }
        put32(central, FILE_MODE);
        put32(central, offset);
        central.extend_from_slice(name.as_bytes());
        self.entries += 1;
    }

    fn finish(mut self) -> Vec<u8> {
        let directory_at = self.bytes.len() as u32;
        let directory_len = self.directory.len() as u32;
        self.bytes.append(&mut self.directory);
        let end = &mut self.bytes;
        put32(end, 0x0605_4b50);
        for field in [0, 0, self.entries, self.entries] {
            put16(end, field);
        }
        put32(end, directory_len);
        put32(end, directory_at);
        put16(end, 0);
        self.bytes
    }
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_zip_names_each_entry_in_its_central_directory() {
        let mut zip = Zip::default();
        zip.add("avn-aid/a.php", b"<?php echo 1;");
        zip.add("avn-aid/b/c.js", &[b'x'; 5000]);
        let bytes = zip.finish();
        // The end record: two entries, and its directory offset points at a central header.
        let end = bytes.len() - 22;
        assert_eq!(bytes[end..end + 4], 0x0605_4b50u32.to_le_bytes());
        assert_eq!(u16::from_le_bytes([bytes[end + 10], bytes[end + 11]]), 2);
        let at = u32::from_le_bytes(bytes[end + 16..end + 20].try_into().unwrap()) as usize;
        assert_eq!(bytes[at..at + 4], 0x0201_4b50u32.to_le_bytes());
        assert!(bytes.len() < 5000, "repeated bytes are deflated");
        // The same input gives the same bytes.
        let mut again = Zip::default();
        again.add("avn-aid/a.php", b"<?php echo 1;");
        again.add("avn-aid/b/c.js", &[b'x'; 5000]);
        assert_eq!(again.finish(), bytes);
    }
}
