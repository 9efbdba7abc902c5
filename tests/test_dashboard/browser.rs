//! The page in a real browser: headless Chromium renders the dashboard at a laptop's 1366×768
//! and a phone's 360×800; the screenshots must not be blank and the browser must report no
//! console message (the page holds no script, so any message is an error). When Chromium is not
//! installed the tests say so and pass.
//!
//! To look at the screenshots, set TAIZHANG_SCREENSHOTS to a folder: they are copied there.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::TestEnv;

/// Chromium: /usr/bin/chromium, else `chromium` on PATH.
fn chromium() -> Option<PathBuf> {
    let installed = Path::new("/usr/bin/chromium");
    if installed.is_file() {
        return Some(installed.to_path_buf());
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("chromium"))
        .find(|p| p.is_file())
}

/// What Chromium said and made for one page.
struct Rendered {
    stdout: String,
    stderr: String,
}

/// Runs headless Chromium on `page` with a fresh profile, no network services, and `extra`
/// arguments; stops it after two minutes.
fn run_chromium(browser: &Path, page: &Path, extra: &[String]) -> Rendered {
    let profile = tempfile::tempdir().expect("profile dir");
    let url = format!("file://{}", page.canonicalize().expect("page").display());
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().expect("stop chromium");
            panic!("chromium did not finish in two minutes");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let output = child.wait_with_output().expect("chromium output");
    Rendered {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The console messages in Chromium's log: uncaught exceptions and console calls are logged as
/// `INFO:CONSOLE:1] "Uncaught Error: …", source: file:///… (1)`.
fn console_messages(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect()
}

/// A screenshot of `page` at `width`×`height`, and the console messages of rendering it.
fn screenshot(browser: &Path, page: &Path, width: u32, height: u32) -> (PathBuf, Vec<String>) {
    let png = page.with_file_name(format!("screenshot-{width}x{height}.png"));
    let extra = [
        format!("--window-size={width},{height}"),
        format!("--screenshot={}", png.display()),
    ];
    let rendered = run_chromium(browser, page, &extra);
    assert!(png.is_file(), "no screenshot:\n{}", rendered.stderr);
    (png, console_messages(&rendered.stderr))
}

/// The screenshot's size, how many distinct colours it has and the share of pixels that are
/// not near white.
fn measure(png: &Path) -> (u32, u32, usize, f64) {
    let file = std::io::BufReader::new(std::fs::File::open(png).unwrap());
    let mut decoder = png::Decoder::new(file);
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    let channels = info.color_type.samples();
    let pixels = &pixels[..info.buffer_size()];
    let mut colours = HashSet::new();
    let mut coloured = 0usize;
    for pixel in pixels.chunks(channels) {
        colours.insert(pixel[..channels.min(3)].to_vec());
        if pixel[..channels.min(3)].iter().any(|&c| c < 235) {
            coloured += 1;
        }
    }
    let share = coloured as f64 / (pixels.len() / channels) as f64;
    (info.width, info.height, colours.len(), share)
}

fn keep(png: &Path) {
    if let Some(dir) = std::env::var_os("TAIZHANG_SCREENSHOTS") {
        let name = png.file_name().unwrap();
        std::fs::copy(png, Path::new(&dir).join(name)).expect("copy the screenshot");
    }
}

#[test]
fn the_console_check_catches_a_script_error() {
    let Some(browser) = chromium() else {
        println!("skipped: chromium not installed");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.html");
    std::fs::write(
        &broken,
        "<!DOCTYPE html><html><body><p>页面</p><script>throw new Error('deliberate')</script></body></html>",
    )
    .unwrap();
    let (_, messages) = screenshot(&browser, &broken, 800, 600);
    assert!(
        messages
            .iter()
            .any(|m| m.contains("Uncaught Error: deliberate")),
        "{messages:?}"
    );
    let fine = dir.path().join("fine.html");
    std::fs::write(
        &fine,
        "<!DOCTYPE html><html><body><p>页面</p></body></html>",
    )
    .unwrap();
    assert_eq!(
        screenshot(&browser, &fine, 800, 600).1,
        Vec::<String>::new()
    );
}

#[test]
fn the_dashboard_renders_in_a_real_browser_on_a_laptop_and_a_phone() {
    let Some(browser) = chromium() else {
        println!("skipped: chromium not installed");
        return;
    };
    let env = TestEnv::with_fixture_ledger();
    env.ok(&["dashboard", "-o", "看板.html", "--as-of", "2026-06-10"]);
    let page = env.dir().join("看板.html");
    for (width, height) in [(1366, 768), (360, 800)] {
        let (png, messages) = screenshot(&browser, &page, width, height);
        keep(&png);
        assert_eq!(
            messages,
            Vec::<String>::new(),
            "console at {width}×{height}"
        );
        let (w, h, colours, share) = measure(&png);
        assert_eq!((w, h), (width, height), "the screenshot is of the window");
        assert!(
            colours > 50,
            "{colours} colours at {width}×{height}: blank?"
        );
        assert!(
            share > 0.05,
            "{share:.3} of the pixels drawn at {width}×{height}"
        );
    }
    // The whole page was laid out: the browser's DOM reaches the footer, charts included.
    let dom = run_chromium(&browser, &page, &["--dump-dom".to_string()]).stdout;
    for part in [
        "data-chart=\"year\"",
        "data-chart=\"unit\"",
        "id=\"recurrences\"",
        "id=\"end\"",
    ] {
        assert!(dom.contains(part), "{part} missing from the rendered DOM");
    }
}
