//! The build pipeline: cargo (wasm32, size profile) → wasm-bindgen (as a library, no-modules
//! output) → wasm-opt -Oz → one script, `avn-aid.js`, carrying the glue, the wasm (deflated,
//! base64) and a loader. That one script serves all three ways the aid reaches patients: the
//! hospital embed loads it as a file; the hosted page and the offline copy inline it.

use base64::Engine;
use flate2::{write::GzEncoder, Compression};
use sha2::{Digest, Sha256, Sha384};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const APP: &str = "avn-aid";

/// Which build: the real one into `dist/`, or the test-only panic build.
pub struct Variant {
    /// Cargo features to add.
    pub features: &'static [&'static str],
    /// Output folder, relative to the repository root.
    pub out: &'static str,
}

/// The build patients get.
pub const RELEASE: Variant = Variant {
    features: &[],
    out: "dist",
};
/// A build with a button that panics, for the browser test of the failure message.
pub const TEST_PANIC: Variant = Variant {
    features: &["test-panic"],
    out: "target/dist-test-panic",
};

/// Builds under `root` and prints what it ships. Returns the output folder.
pub fn build(root: &Path, variant: &Variant) -> Result<PathBuf, String> {
    let started = Instant::now();
    let kb = avn_kb::load::load_dir(&root.join("content")).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        format!("the content has problems:\n{}", lines.join("\n"))
    })?;

    step("cargo build (wasm32, release)");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut command = Command::new(cargo);
    command
        .current_dir(root)
        .args(["build", "--release", "--target", "wasm32-unknown-unknown"])
        .args(["--package", APP, "--bin", APP]);
    if !variant.features.is_empty() {
        command.args(["--features", &variant.features.join(",")]);
    }
    let status = command
        .status()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !status.success() {
        return Err("cargo build failed".into());
    }
    // Cargo's own output folder: `CARGO_TARGET_DIR` when set (relative to the root), else `target/`.
    let target_dir = std::env::var_os("CARGO_TARGET_DIR")
        .map_or_else(|| root.join("target"), |dir| root.join(dir));
    let raw_wasm = target_dir.join(format!("wasm32-unknown-unknown/release/{APP}.wasm"));

    step("wasm-bindgen");
    let staging = root.join("target/xtask");
    let _ = fs::remove_dir_all(&staging);
    fs::create_dir_all(&staging).map_err(|e| e.to_string())?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&raw_wasm)
        .out_name(APP)
        .no_modules(true)
        .and_then(|b| b.typescript(false).generate(&staging))
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?;

    step("wasm-opt -Oz");
    let optimised = staging.join(format!("{APP}.opt.wasm"));
    // The two custom sections are read by wasm-opt itself and are not needed by browsers.
    wasm_opt(
        root,
        &staging.join(format!("{APP}_bg.wasm")),
        &optimised,
        &["--strip-producers", "--strip-target-features"],
    )?;

    step("assemble");
    let out = root.join(variant.out);
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let wasm = fs::read(&optimised).map_err(|e| e.to_string())?;
    let glue = fs::read_to_string(staging.join(format!("{APP}.js"))).map_err(|e| e.to_string())?;
    let script = app_script(&glue, &wasm, &kb.about);
    write(&out.join(format!("{APP}.js")), script.as_bytes())?;

    // Each language other than the default is a pack beside the code: a script for the embed
    // (`avn-aid.<lang>.js`, added from beside `avn-aid.js` when a host asks for the language),
    // inlined into that language's own hosted page and offline file.
    let (_, packs) = avn_kb::pack::split(&kb, |kb| {
        postcard::to_allocvec(kb).map_err(|e| e.to_string())
    })?;
    let template = fs::read_to_string(root.join("index.html")).map_err(|e| e.to_string())?;
    // The pages carry the start view as HTML, laid out by the aid's own styles, so it shows
    // while the code is still arriving.
    let page_style = format!(
        "{PAGE_STYLE}{}",
        crate::css::stylesheets(&root.join("styles"))?
    );
    // Other languages' pages for patients to find: reviewed ones only (drafts are never offered).
    let offered: Vec<&avn_kb::Language> = kb
        .about
        .languages
        .iter()
        .filter(|l| l.status == avn_kb::LanguageStatus::Reviewed)
        .collect();
    for (i, language) in kb.about.languages.iter().enumerate() {
        let lang = &language.id;
        let ui = kb.ui(lang);
        let (folder, up) = if i == 0 {
            (out.clone(), "")
        } else {
            (out.join(lang.as_str()), "../")
        };
        fs::create_dir_all(&folder).map_err(|e| e.to_string())?;
        // The default language's text is inside the code.
        let pack_script = packs
            .iter()
            .skip(1)
            .find(|p| p.lang == *lang)
            .map(|p| pack_script(&p.write()));
        if let Some(script) = &pack_script {
            write(&out.join(format!("{APP}.{lang}.js")), script.as_bytes())?;
        }
        let alternates: String = offered
            .iter()
            .filter(|_| offered.len() > 1)
            .map(|l| {
                let href = if l.id == *kb.default_lang() {
                    format!("{up}index.html")
                } else {
                    format!("{up}{}/index.html", l.id)
                };
                format!(
                    "<link rel=\"alternate\" hreflang=\"{}\" href=\"{href}\">",
                    l.id
                )
            })
            .collect();
        let first_view = crate::first_view::render(&kb, lang);
        let page = |csp: &str, script_tag: &str, offline_link: &str, noscript: &str| {
            template
                .replace("{{lang}}", lang.as_str())
                .replace("{{dir}}", language.dir.as_str())
                .replace("{{alternates}}", &alternates)
                .replace("{{csp}}", csp)
                .replace("{{style}}", &page_style)
                .replace("{{first_view}}", &first_view)
                .replace("{{title}}", &crate::reference::esc(&ui.app_title))
                .replace("{{content_version}}", &kb.about.content_version)
                .replace("{{offline_link}}", offline_link)
                .replace("{{noscript}}", noscript)
                .replace("{{script}}", script_tag)
        };
        // Both pages inline the script (and the language's pack) and allow exactly them by
        // hash. Hosted, that saves a second round trip before anything can run (562 ms on slow
        // 4G, measured by the benchmark); offline, it is the only way to run from disk
        // (file://), and a saved copy keeps its policy.
        let inlined: Vec<&str> = pack_script
            .iter()
            .map(String::as_str)
            .chain([script.as_str()])
            .collect();
        let hashes: Vec<String> = inlined
            .iter()
            .map(|s| {
                format!(
                    "'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
                )
            })
            .collect();
        let inline_csp = csp(&hashes.join(" "), &page_style);
        let inline_script: String = inlined
            .iter()
            .map(|s| format!("<script>{s}</script>"))
            .collect();
        let hosted = page(
            &inline_csp,
            &inline_script,
            &format!(
                "<p class=\"avn-offline-link\"><a href=\"{APP}-offline.html\" download>{}</a></p>",
                crate::reference::esc(&ui.offline_link)
            ),
            &format!(" <a href=\"{APP}-reference.html\">Read the full reference without it</a>."),
        );
        write(&folder.join("index.html"), hosted.as_bytes())?;
        let offline = page(&inline_csp, &inline_script, "", "");
        write(
            &folder.join(format!("{APP}-offline.html")),
            offline.as_bytes(),
        )?;
        // The whole knowledge base as a page with no script, in this language: the benchmark's
        // baseline, and what the hosted page offers when JavaScript is off.
        write(
            &folder.join(format!("{APP}-reference.html")),
            crate::reference::render(&kb, lang).as_bytes(),
        )?;
    }

    let (plugin, plugin_bytes) =
        crate::wordpress::package(root, &out, script.as_bytes(), &kb.about.content_version)?;
    println!(
        "WordPress plugin: {} ({plugin_bytes} B of plugin files beside the script)",
        plugin.display()
    );

    print_sizes(&out)?;
    // For the embed snippet's `integrity` attribute (Subresource Integrity).
    println!(
        "avn-aid.js integrity: sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(script.as_bytes()))
    );
    println!(
        "built {} in {:.1}s (content version {})",
        variant.out,
        started.elapsed().as_secs_f64(),
        kb.about.content_version
    );
    Ok(out)
}

/// The page's own style (allowed by hash), before the aid's: printing the hosted page prints
/// the aid, not the offline link beside it.
const PAGE_STYLE: &str = "@media print{.avn-offline-link{display:none}}";

/// The Content-Security-Policy for a page whose script is allowed by `script_source`. No
/// request of any kind is allowed after the page's own files (`connect-src 'none'`), and no
/// style source is needed: the aid's styles are adopted into its shadow roots from script.
fn csp(script_source: &str, page_style: &str) -> String {
    let style = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(page_style));
    format!(
        "default-src 'none'; script-src {script_source} 'wasm-unsafe-eval'; style-src 'sha256-{style}'; \
         img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
}

/// The one script: wasm-bindgen's glue, then the wasm deflated and base64-encoded, inflated
/// in the browser with `DecompressionStream`. Carrying the wasm inside the script means no
/// fetch at all (so `connect-src 'none'` holds, and it works from file://); deflating first (with
/// zopfli) makes it cost about the same over a gzip connection as a separate .wasm file, and 58 %
/// less without one.
fn app_script(glue: &str, wasm: &[u8], about: &avn_kb::About) -> String {
    // Zopfli writes ordinary zlib data that `DecompressionStream('deflate')` reads, about 5 %
    // smaller than zlib's best level (10 KB less to download), for a few seconds of build time.
    let mut deflated = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Zlib,
        wasm,
        &mut deflated,
    )
    .expect("in-memory write");
    let packed = base64::engine::general_purpose::STANDARD.encode(deflated);
    let facts = format!(
        "{{ version: {}, contentReviewed: {}, nextReview: {} }}",
        js_string(&about.content_version),
        js_string(&about.reviewed),
        js_string(&about.next_review)
    );
    // Everything runs inside one function, so the script's only page global is the documented
    // `AvnAid` (the glue's `wasm_bindgen` is local: another wasm widget's global of that name is
    // never touched), and a symbol on `window` makes a second copy of the script do nothing.
    // A browser older than the supported ones (no constructed style sheets, so the aid would
    // show unstyled, or no `DecompressionStream`) gets the "could not start in this browser"
    // line instead.
    format!(
        "(function () {{\n\
         var once = Symbol.for('avn-aid');\n\
         if (window[once]) {{ return; }}\n\
         Object.defineProperty(window, once, {{ value: true }});\n\
         {glue}\n\
         var facts = {facts};\n\
         {element}\n\
         {pack_loader}\n\
         var packed = \"{packed}\";\n\
         var failure = null;\n\
         function fail(error) {{\n\
           var blocked = /CSP|Content Security Policy|unsafe-eval/i.test(String(error && error.message));\n\
           console.error(blocked ? 'The AVN guide could not start: this site\\'s Content-Security-Policy blocks WebAssembly; add \\'wasm-unsafe-eval\\' to script-src.'\n\
             : 'The AVN guide could not start:', error);\n\
           failure = blocked ? 'This guide is blocked by this website\\'s security settings. Please tell the website\\'s team.'\n\
             : 'This guide could not start in this browser. Please try an up-to-date browser.';\n\
           document.querySelectorAll('[data-avn-aid], avn-aid').forEach(function (host) {{ host.textContent = failure; }});\n\
         }}\n\
         {late_hosts}\n\
         {mount_call}\n\
         try {{\n\
           if (!window.ShadowRoot || !('adoptedStyleSheets' in ShadowRoot.prototype)\n\
               || typeof DecompressionStream !== 'function') {{\n\
             throw new Error('this browser lacks constructed style sheets or DecompressionStream');\n\
           }}\n\
           var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(packed)\n\
             : Uint8Array.from(atob(packed), function (c) {{ return c.charCodeAt(0); }});\n\
           var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'));\n\
           new Response(inflated).arrayBuffer()\n\
             .then(function (wasm) {{ return wasm_bindgen({{ module_or_path: wasm }}); }})\n\
             .then(started, fail);\n\
         }} catch (error) {{ fail(error); }}\n\
         }})();\n",
        element = CUSTOM_ELEMENT,
        pack_loader = PACK_LOADER,
        late_hosts = LATE_HOSTS,
        mount_call = MOUNT_CALL
    )
}

/// The loader of language packs the app asks for: `avn-aid.<lang>.js` beside this script (its own
/// address, with any query the site adds), by a script element, so a site needs only to allow
/// its own scripts. A failure (no such file, blocked, offline) is recorded as `false`, and both
/// outcomes are announced to the app with the `avn-aid-pack` event. An inline copy of this
/// script (hosted page, offline file) has no address: its pages inline their pack instead.
const PACK_LOADER: &str = "var here = (document.currentScript && document.currentScript.src) || '';
if (!window[Symbol.for('avn-aid-load-pack')]) {
  Object.defineProperty(window, Symbol.for('avn-aid-load-pack'), { value: function (lang) {
    var k = Symbol.for('avn-aid-packs');
    var packs = window[k] || (window[k] = {});
    function failed() { packs[lang] = false; document.dispatchEvent(new Event('avn-aid-pack')); }
    if (!/^[A-Za-z0-9-]{1,35}$/.test(lang) || !/\\.js([?#].*)?$/.test(here)) { setTimeout(failed, 0); return; }
    var s = document.createElement('script');
    s.src = here.replace(/\\.js([?#].*)?$/, '.' + lang + '.js$1');
    s.onerror = failed;
    (document.head || document.documentElement).appendChild(s);
  } });
}";

/// A `<div data-avn-aid>` added after the page loaded (tabs, accordions, page builders, themes
/// that load content by script) is announced to the app as an `<avn-aid>` announces itself.
const LATE_HOSTS: &str = "function announce(host) {
  host.dispatchEvent(new Event('avn-aid-connected', { bubbles: true, composed: true }));
}
function watchForLateHosts() {
  if (!window.MutationObserver) { return; }
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) { return; }
        var hosts = node.matches('[data-avn-aid]') ? [node] : [];
        node.querySelectorAll('[data-avn-aid]').forEach(function (host) { hosts.push(host); });
        hosts.forEach(announce);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
}";

/// `AvnAid.mount(element)`: the one page global, for hosts the document observer cannot see
/// (inside another widget's shadow root) or pages that prefer to say when. Called before the
/// app has started, the element waits for it; after a failure, it gets the failure's words.
const MOUNT_CALL: &str = "var running = false, waiting = [];
function started() {
  running = true;
  watchForLateHosts();
  waiting.splice(0).forEach(announce);
}
if (!('AvnAid' in window)) {
  Object.defineProperty(window, 'AvnAid', { value: Object.freeze({
    version: facts.version,
    mount: function (element) {
      if (!(element instanceof Element)) {
        throw new TypeError('AvnAid.mount needs an element, such as a <div data-avn-aid>.');
      }
      if (failure) { element.textContent = failure; }
      else if (running) { announce(element); }
      else { waiting.push(element); }
    }
  }) });
}";

/// `<avn-aid hospital="…" lang="…">`: the same settings as the `<div data-avn-aid>` form,
/// without `data-`. The element tells the app (by events on itself) when it joins the page and
/// when a setting changes, and offers the content's version and review dates as read-only
/// properties.
const CUSTOM_ELEMENT: &str = "if (window.customElements && !window.customElements.get('avn-aid')) {
  window.customElements.define('avn-aid', class extends HTMLElement {
    static get observedAttributes() { return ['hospital', 'contact-url', 'lang', 'accent', 'joint', 'disclaimer', 'keep-place']; }
    connectedCallback() { this.dispatchEvent(new Event('avn-aid-connected', { bubbles: true, composed: true })); }
    attributeChangedCallback(name, before, after) {
      if (before !== after && this.isConnected) { this.dispatchEvent(new Event('avn-aid-changed', { bubbles: true, composed: true })); }
    }
    get version() { return facts.version; }
    get contentReviewed() { return facts.contentReviewed; }
    get nextReview() { return facts.nextReview; }
  });
}";

/// A language pack as a script: it puts the pack's text in the page's pack registry and tells
/// the app. Written as UTF-8 (not escapes), so a pack in another script costs what its text does.
fn pack_script(pack: &str) -> String {
    let lang = pack.split(' ').nth(2).unwrap_or_default();
    format!(
        "(function () {{ var k = Symbol.for('avn-aid-packs'); var packs = window[k] || (window[k] = {{}}); \
         packs[{}] = {}; document.dispatchEvent(new Event('avn-aid-pack')); }})();\n",
        js_string(lang),
        js_text(pack)
    )
}

/// `text` as a JavaScript string literal in UTF-8: only quotes, backslashes, line ends, control
/// characters and `<` (so no `</script>` can end an inline script) are escaped.
fn js_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\x3c"),
            '\u{2028}' | '\u{2029}' => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `text` as a JavaScript string literal.
fn js_string(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_ascii_graphic() || c == ' ' => out.push(c),
            c => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    out.push('\'');
    out
}

/// Runs npm binaryen's wasm-opt at -Oz to a fixed point, plus `extra` flags. rustc/LLD never
/// use the first KiB of memory (data starts at 1 MiB), so `--low-memory-unused` lets binaryen
/// fold address offsets.
pub fn wasm_opt(root: &Path, input: &Path, output: &Path, extra: &[&str]) -> Result<(), String> {
    let wasm_opt = root.join("node_modules/.bin/wasm-opt");
    if !wasm_opt.exists() {
        return Err(format!(
            "{} is missing: run `npm ci` (the README commands do it for you)",
            wasm_opt.display()
        ));
    }
    let status = Command::new(&wasm_opt)
        .args(["-Oz", "--converge", "--low-memory-unused"])
        .args(extra)
        .arg(input)
        .arg("-o")
        .arg(output)
        .status()
        .map_err(|e| format!("could not run wasm-opt: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("wasm-opt failed".into())
    }
}

fn step(name: &str) {
    println!("[xtask] {name}");
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// SHA-256 of `bytes` in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The gzip size of `bytes` at the best compression level (what a server would send).
pub fn gzip_len(bytes: &[u8]) -> usize {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).expect("in-memory write");
    encoder.finish().expect("in-memory write").len()
}

fn print_sizes(out: &Path) -> Result<(), String> {
    let listing = |dir: &Path| -> Result<Vec<PathBuf>, String> {
        Ok(fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect())
    };
    let mut files = Vec::new();
    for path in listing(out)? {
        if path.is_dir() {
            files.extend(listing(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    println!("\n{:<24} {:>10} {:>10}", "shipped file", "raw B", "gzip B");
    for path in files {
        let bytes = fs::read(&path).map_err(|e| e.to_string())?;
        let name = path.strip_prefix(out).unwrap_or(&path).to_string_lossy();
        println!("{name:<24} {:>10} {:>10}", bytes.len(), gzip_len(&bytes));
    }
    println!("(hosted page = index.html, script inlined; embed = avn-aid.js; offline = avn-aid-offline.html;");
    println!(" static full reference, no script = avn-aid-reference.html; avn-aid.<lang>.js = a language's");
    println!(" pack for the embed; <lang>/ = that language's hosted page and offline file, pack inlined)\n");
    Ok(())
}
