//! A small static file server on loopback for `cargo xtask serve`: enough to try the aid, with
//! the right MIME type for .wasm and no way out of the dist folder.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};

/// Serves `dist` on 127.0.0.1, from `port` or the next free one, until stopped.
pub fn serve(dist: &Path, port: u16) -> Result<(), String> {
    let listener = (port..port.saturating_add(20))
        .find_map(|p| TcpListener::bind(("127.0.0.1", p)).ok())
        .ok_or_else(|| format!("no free port from {port} to {}", port.saturating_add(19)))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    println!("The aid is running at http://{address}/  (Ctrl+C to stop)");
    for stream in listener.incoming().flatten() {
        let dist = dist.to_path_buf();
        std::thread::spawn(move || {
            let _ = respond(stream, &dist);
        });
    }
    Ok(())
}

fn respond(mut stream: TcpStream, dist: &Path) -> std::io::Result<()> {
    let mut request_line = String::new();
    BufReader::new(&stream).read_line(&mut request_line)?;
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let (status, mime, body) =
        match resolve(dist, path).and_then(|f| Some((std::fs::read(&f).ok()?, f))) {
            Some((body, file)) => ("200 OK", mime(&file), body),
            None => (
                "404 Not Found",
                "text/plain; charset=utf-8",
                b"not found".to_vec(),
            ),
        };
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    )?;
    stream.write_all(&body)
}

/// The file a URL path names inside `dist`, refusing anything that is not a plain file name
/// path (no `..`, no hidden files).
fn resolve(dist: &Path, url_path: &str) -> Option<PathBuf> {
    let mut file = dist.to_path_buf();
    for part in url_path.split('/').filter(|p| !p.is_empty()) {
        if part.starts_with('.') || part.contains('\\') || part.contains('%') {
            return None;
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}
