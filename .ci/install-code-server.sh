#!/usr/bin/env bash
# Installs what the VS Code test suites (test/vscode) need, on a Debian machine that reaches only the npm
# registry and Debian's package archive:
#   - Debian packages: chromium (headless browser that loads the workbench), ripgrep (replaces the binary
#     that @vscode/ripgrep would download), libkrb5-dev (the `kerberos` native module links against it),
#     fonts-wqy-microhei (a CJK font, so the zh-CN screenshots of the UI tests show Chinese rather than
#     empty boxes; a small one), and a compiler toolchain for the native modules if it is
#     missing;
#   - code-server (VS Code 1.100.3 server + web workbench) from the npm registry, into its own folder
#     outside the repository: $CODE_SERVER_HOME, default /opt/code-server-<version> as root,
#     $HOME/.cache/code-server-<version> otherwise.
# Safe to run again: it returns at once when everything is already there.
# Run as root (or as a user with sudo for the apt step).
set -euo pipefail

CS_VERSION=4.100.3
if [ -z "${CODE_SERVER_HOME:-}" ]; then
  if [ "$(id -u)" = 0 ]; then CODE_SERVER_HOME=/opt/code-server-$CS_VERSION
  else CODE_SERVER_HOME=${XDG_CACHE_HOME:-$HOME/.cache}/code-server-$CS_VERSION; fi
fi
CS_BIN=$CODE_SERVER_HOME/node_modules/.bin/code-server
# @vscode/ripgrep version pinned by code-server 4.100.3, and the rg release its postinstall fetches
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10

log() { printf '[install-code-server] %s\n' "$*"; }
SUDO=
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi

installed_version() {
  # .complete is written last, so a half-done install never counts.
  # --config of our own: without it code-server writes ~/.config/code-server/config.yaml on first run.
  [ -f "$CODE_SERVER_HOME/.complete" ] && [ -x "$CS_BIN" ] && "$CS_BIN" --config "$CODE_SERVER_HOME/config.yaml" --version 2>/dev/null | awk 'NR==1{print $1}'
}

# ---- Debian packages -------------------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need_apt+=(fonts-wqy-microhei)
if [ "$(installed_version || true)" != "$CS_VERSION" ]; then
  # only needed to build code-server's native modules
  command -v make >/dev/null 2>&1 || need_apt+=(make)
  command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
  command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# ---- code-server -----------------------------------------------------------------------------------------
if [ "$(installed_version || true)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION already installed in $CODE_SERVER_HOME"
  exit 0
fi

mkdir -p "$(dirname "$CODE_SERVER_HOME")"
# one install at a time (two CI jobs on one machine)
exec 9>"$CODE_SERVER_HOME.lock"
flock 9
if [ "$(installed_version || true)" = "$CS_VERSION" ]; then
  log "code-server $CS_VERSION was installed meanwhile in $CODE_SERVER_HOME"
  exit 0
fi

# never wipe a folder that is not ours (CODE_SERVER_HOME is set by the caller)
if [ -e "$CODE_SERVER_HOME" ] && [ -n "$(ls -A "$CODE_SERVER_HOME" 2>/dev/null)" ] \
   && ! grep -qs '"code-server-host"' "$CODE_SERVER_HOME/package.json"; then
  log "$CODE_SERVER_HOME exists and is not a code-server install made by this script; set CODE_SERVER_HOME elsewhere"
  exit 1
fi
rm -rf "$CODE_SERVER_HOME"
mkdir -p "$CODE_SERVER_HOME"
printf '{ "name": "code-server-host", "private": true }\n' > "$CODE_SERVER_HOME/package.json"

# @vscode/ripgrep's postinstall downloads rg from GitHub unless it finds the release tarball in
# $TMPDIR/vscode-ripgrep-cache-<version>/. Seed that cache with Debian's rg (the same 13.0.0 release),
# in a private TMPDIR.
export TMPDIR=$CODE_SERVER_HOME/.tmp
case "$(uname -m)" in
  x86_64) RG_TRIPLE=x86_64-unknown-linux-musl ;;
  aarch64) RG_TRIPLE=aarch64-unknown-linux-musl ;;
  *) log "unsupported architecture $(uname -m)"; exit 1 ;;
esac
RG_CACHE=$TMPDIR/vscode-ripgrep-cache-$RG_PKG_VERSION
mkdir -p "$RG_CACHE/bin"
cp "$(command -v rg)" "$RG_CACHE/bin/rg"
tar -czf "$RG_CACHE/ripgrep-$RG_RELEASE-$RG_TRIPLE.tar.gz" -C "$RG_CACHE/bin" rg

# Native modules build against the installed node's own headers (no header download).
NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [ ! -f "$NODE_PREFIX/include/node/node.h" ]; then
  log "warning: $NODE_PREFIX/include/node/node.h not found; node-gyp may try to download headers"
fi

log "npm install code-server@$CS_VERSION into $CODE_SERVER_HOME (log: $CODE_SERVER_HOME/install.log)"
# unsafe_perm: code-server's postinstall refuses to run as root without it.
# yes: node-pty's postinstall runs `npx node-gyp`, which an npmrc with yes=false would cancel.
(
  cd "$CODE_SERVER_HOME"
  npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODE_PREFIX" \
  npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false \
    npm install --no-audit --no-fund "code-server@$CS_VERSION" > install.log 2>&1
) || { tail -n 60 "$CODE_SERVER_HOME/install.log"; log "npm install failed (full log: $CODE_SERVER_HOME/install.log)"; exit 1; }
rm -rf "$TMPDIR"
unset TMPDIR

printf 'auth: none\ncert: false\n' > "$CODE_SERVER_HOME/config.yaml"
date -u +%FT%TZ > "$CODE_SERVER_HOME/.complete"

v=$(installed_version || true)
if [ "$v" != "$CS_VERSION" ]; then
  log "code-server did not start after install (got '${v}')"
  exit 1
fi
log "code-server $v installed in $CODE_SERVER_HOME"
