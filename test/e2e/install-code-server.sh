#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the last to run on Node 20) into .cache/code-server without
# any download outside the npm registry: the package's own postinstall would fetch ripgrep and refuse root.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$root/.cache/code-server"
version=4.100.3
if [ -x "$dest/node_modules/.bin/code-server" ] && [ -f "$dest/.installed-$version" ]; then
  echo "code-server $version already installed in $dest"; exit 0
fi
if ! command -v rg >/dev/null || ! command -v chromium >/dev/null || ! dpkg -s libsecret-1-dev libkrb5-dev libx11-dev libxkbfile-dev >/dev/null 2>&1; then
  echo "installing Debian packages for code-server and Chromium"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev ripgrep chromium >/dev/null
fi
mkdir -p "$dest"
cd "$dest"
[ -f package.json ] || echo '{"name":"prodready-code-server","private":true}' > package.json
npm install --no-audit --no-fund --ignore-scripts "code-server@$version"
vscode="$dest/node_modules/code-server/lib/vscode"
(
  cd "$vscode"
  npm install --no-audit --no-fund --omit=dev --ignore-scripts
  mkdir -p node_modules/@vscode/ripgrep/bin
  cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
  npm_config_yes=true npm rebuild kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid
  ln -sfn node_modules node_modules.asar
  (cd bin/remote-cli && ln -sfn code-linux.sh code-server)
  (cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
  (cd extensions && npm install --no-audit --no-fund --omit=dev --ignore-scripts)
)
npm_config_yes=true npm rebuild argon2
touch ".installed-$version"
echo "code-server $version installed in $dest"
