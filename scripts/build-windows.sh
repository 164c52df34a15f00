#!/usr/bin/env bash
# Builds tiaojie.exe for 64-bit Windows 10/11 on a Debian machine (cross-compiled with
# MinGW; the bundled SQLite is compiled by MinGW's gcc). The result is one file:
# target/x86_64-pc-windows-gnu/release/tiaojie.exe (the Song face for PDFs is inside it).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
    echo "installing the MinGW compiler (needs root): apt-get install gcc-mingw-w64-x86-64"
    apt-get install -y gcc-mingw-w64-x86-64
fi
rustup target add x86_64-pc-windows-gnu
cargo build --release --locked --target x86_64-pc-windows-gnu
ls -l target/x86_64-pc-windows-gnu/release/tiaojie.exe
