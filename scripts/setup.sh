# scripts/setup.sh — idempotent setup helpers (Rust wasm target, npm packages, Chromium); sourced by serve.sh and test.sh.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

log() { printf '[setup] %s\n' "$*"; }

# timed LABEL CMD...: runs CMD, then prints "[time] LABEL: Ns"; returns CMD's exit code.
timed() {
  local label=$1 t0=$SECONDS rc=0
  shift
  "$@" || rc=$?
  printf '[time] %s: %ss\n' "$label" "$((SECONDS - t0))"
  return "$rc"
}

# as_root CMD...: runs CMD as root (directly if root, else through sudo if there is one).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    log "need root (and no sudo) for: $*"
    return 1
  fi
}

# The functions below return non-zero on failure explicitly, so they also work where `set -e` is ignored (in `if`).

ensure_rust_target() {
  local target=wasm32-unknown-unknown installed
  installed="$(cd "$REPO_ROOT" && rustup target list --installed)" || return 1
  if grep -qx "$target" <<<"$installed"; then
    log "rust target $target: present"
  else
    log "rust target $target: installing"
    (cd "$REPO_ROOT" && rustup target add "$target") || return 1
  fi
}

# Installs node_modules from package-lock.json when it is missing or the lock file changed since the last install.
ensure_npm_packages() {
  local lock="$REPO_ROOT/package-lock.json" nm="$REPO_ROOT/node_modules"
  local stamp="$nm/.setup-lock-sha256" want have=''
  command -v npm >/dev/null 2>&1 || { log "npm: not found (Node.js 20+ with npm is required)"; return 1; }
  want="$(sha256sum "$lock" | cut -d' ' -f1)" || return 1
  [ -f "$stamp" ] && have="$(cat "$stamp")"
  if [ -f "$nm/.package-lock.json" ] && { [ "$have" = "$want" ] || { [ -z "$have" ] && ! [ "$nm/.package-lock.json" -ot "$lock" ]; }; }; then
    log "npm packages: present"
    return 0
  fi
  log "npm packages: installing (npm ci)"
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund) || return 1
  printf '%s\n' "$want" >"$stamp"
}

ensure_chromium() {
  if [ -x "$CHROMIUM_PATH" ]; then
    log "chromium: present ($("$CHROMIUM_PATH" --version 2>/dev/null | head -n1 || true))"
    return 0
  fi
  log "chromium: installing Debian package chromium (not found at $CHROMIUM_PATH)"
  as_root apt-get update || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || return 1
  if ! [ -x "$CHROMIUM_PATH" ]; then
    log "chromium: still not found at $CHROMIUM_PATH (Debian installs /usr/bin/chromium)"
    return 1
  fi
}

# Firefox ESR and WebKitGTK (MiniBrowser, its WebDriver, and a virtual display) for the
# cross-engine tests; each package is installed only when its program is missing.
export FIREFOX_PATH="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
export MINIBROWSER_PATH="${MINIBROWSER_PATH:-/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser}"
ensure_other_engines() {
  local missing=()
  [ -x "$FIREFOX_PATH" ] || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null 2>&1 || missing+=(webkit2gtk-driver)
  [ -x "$MINIBROWSER_PATH" ] || missing+=(libwebkit2gtk-4.1-0)
  command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "firefox and webkit: present ($("$FIREFOX_PATH" --version 2>/dev/null | head -n1 || true); WebKitGTK MiniBrowser)"
    return 0
  fi
  log "firefox and webkit: installing Debian packages ${missing[*]}"
  as_root apt-get update || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" || return 1
}

# WordPress and what it runs on, for the plugin's test (tests/wordpress/): the test starts its own
# MariaDB and Apache from these packages on free ports and never uses the system's services.
# Each package is installed only when what it provides is missing.
export WORDPRESS_ROOT="${WORDPRESS_ROOT:-/usr/share/wordpress}"
ensure_wordpress() {
  local missing=()
  [ -f "$WORDPRESS_ROOT/wp-settings.php" ] || missing+=(wordpress)
  [ -f "$WORDPRESS_ROOT/wp-content/themes/twentytwentythree/theme.json" ] || missing+=(wordpress-theme-twentytwentythree)
  { [ -x /usr/sbin/mariadbd ] && command -v mariadb-install-db >/dev/null 2>&1; } || missing+=(mariadb-server)
  [ -x /usr/sbin/apache2 ] || missing+=(apache2)
  compgen -G '/usr/lib/apache2/modules/libphp8*.so' >/dev/null || missing+=(libapache2-mod-php)
  command -v php >/dev/null 2>&1 || missing+=(php-cli)
  { command -v php >/dev/null 2>&1 && php -r 'exit(extension_loaded("mysqli") ? 0 : 1);'; } || missing+=(php-mysql)
  if [ "${#missing[@]}" -eq 0 ]; then
    log "wordpress: present (WordPress $(sed -n "s/^\$wp_version = '\(.*\)';/\1/p" "$WORDPRESS_ROOT/wp-includes/version.php" 2>/dev/null), $(php -r 'echo "PHP ", PHP_VERSION;'), MariaDB $(/usr/sbin/mariadbd --version 2>/dev/null | awk '{print $3}' | cut -d- -f1), $(/usr/sbin/apache2 -v 2>/dev/null | sed -n 's/^Server version: //p'))"
    return 0
  fi
  log "wordpress: installing Debian packages ${missing[*]}"
  as_root apt-get update || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" || return 1
}
