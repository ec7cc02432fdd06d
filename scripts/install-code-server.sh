#!/usr/bin/env bash
# Installs code-server (VS Code's workbench and extension host, from the npm registry) for the
# end-to-end tests and `npm run editor`, into .cache/code-server (or $CODE_SERVER_DIR).
# Idempotent: does nothing when the pinned version is already there. See
# shared/notes/real-vscode.md for why code-server and why these flags.
#
# Needs: Node 20 (4.100.3 is the last code-server whose npm package targets it), python3, make
# and g++ (native modules are built with node-gyp against Node's headers), libkrb5-dev, and
# ripgrep (rg) to seed @vscode/ripgrep's download cache. .ci/run installs them with apt-get.
set -euo pipefail

VERSION=4.100.3
RIPGREP_VERSION=1.15.11                                   # @vscode/ripgrep in code-server 4.100.3
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.cache/code-server}"
BIN="$DIR/node_modules/.bin/code-server"

installed() { node -p 'require(process.argv[1]).version' "$DIR/node_modules/code-server/package.json" 2>/dev/null || true; }
if [ -x "$BIN" ] && [ -e "$DIR/node_modules/code-server/lib/vscode/node_modules/node-pty" ] && [ "$(installed)" = "$VERSION" ]; then
  echo "code-server $VERSION is already installed in $DIR"
  exit 0
fi

for tool in rg python3 make g++; do
  command -v "$tool" >/dev/null || { echo "install-code-server: '$tool' is missing (see the top of $0)" >&2; exit 1; }
done

# @vscode/ripgrep's postinstall downloads rg from GitHub, but first looks for the archive in a
# cache folder named after its version: an archive of Debian's rg there makes it offline.
cache="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RIPGREP_VERSION"
mkdir -p "$cache"
[ -s "$cache/$RIPGREP_ASSET" ] || tar czf "$cache/$RIPGREP_ASSET" -C "$(dirname "$(command -v rg)")" rg

mkdir -p "$DIR"
# .cache/ is the project's scratch space: keep it out of git without touching .gitignore.
[ -f "$ROOT/.cache/.gitignore" ] || { mkdir -p "$ROOT/.cache" && echo '*' > "$ROOT/.cache/.gitignore"; }
echo '{ "private": true, "description": "code-server for the Factcheck e2e tests" }' > "$DIR/package.json"

echo "Installing code-server $VERSION into $DIR (about a minute)..."
# - npm_config_yes: node-pty's install runs `npx node-gyp`, which would otherwise ask.
# - --unsafe-perm: code-server's postinstall refuses to run as root without it (npm 11 no longer
#   knows the flag, but still passes it to the script's environment, which is what is checked).
# - dangerously-allow-all-scripts: the postinstall runs a nested `npm install` of VS Code's
#   shrinkwrapped native modules (node-pty, kerberos, @parcel/watcher, @vscode/spdlog,
#   @vscode/ripgrep...). npm 11 only warns about unapproved install scripts today but will block
#   them; a per-package --allow-scripts list cannot be used, because npm passes it down to the
#   nested install, which rejects it as a project-scoped flag. It is set for this pinned install
#   only, never for the project's own `npm ci`.
npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
  npm install --no-audit --no-fund --unsafe-perm --prefix "$DIR" "code-server@$VERSION"

[ -x "$BIN" ] && [ "$(installed)" = "$VERSION" ] || { echo "install-code-server: $BIN was not installed" >&2; exit 1; }
echo "code-server $VERSION is installed in $DIR"
