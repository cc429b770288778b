#!/usr/bin/env bash
# Installs the system packages alq needs when they are missing (Debian/Ubuntu, apt-get).
set -euo pipefail

need=()
if ! pkg-config --exists libedit 2>/dev/null; then need+=(libedit-dev pkg-config); fi
if ! command -v python3 >/dev/null 2>&1; then need+=(python3 python3-pip); fi
if command -v python3 >/dev/null 2>&1 && ! python3 -m pip --version >/dev/null 2>&1; then need+=(python3-pip); fi
# The Parquet plugin runs in a virtual environment of its own (python3 -m venv), which Debian splits off.
if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then need+=(python3-venv); fi
# zlib: the alq-xlsx plugin's zip library (ZIPFoundation) links it.
if ! pkg-config --exists zlib 2>/dev/null; then need+=(zlib1g-dev pkg-config); fi
# rsvg-convert renders the SVG charts the tests export, to prove they draw.
if ! command -v rsvg-convert >/dev/null 2>&1; then need+=(librsvg2-bin); fi

if [ ${#need[@]} -gt 0 ]; then
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "alq: please install: ${need[*]} (no apt-get on this machine)" >&2
        exit 1
    fi
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "alq: installing ${need[*]} with apt-get" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
