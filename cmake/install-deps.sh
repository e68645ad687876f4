#!/bin/sh
# Installs everything Mailsink needs to build, run and test on Debian 12 (run as root or with sudo).
set -eu
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq \
    cmake ninja-build g++ pkg-config \
    qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libqt6svg6 qt6-tools-dev qt6-tools-dev-tools \
    qt6-l10n-tools qt6-translations-l10n qt6-httpserver-dev qt6-websockets-dev qt6-webengine-dev libmimetic-dev libssl-dev catch2 qtkeychain-qt6-dev \
    librsvg2-bin desktop-file-utils appstream dpkg-dev file \
    xvfb xauth xdotool imagemagick fonts-noto-cjk fonts-dejavu-core \
    swaks libnet-ssleay-perl curl fetchmail neomutt bsdutils python3 python3-aiosmtpd openssl ca-certificates git dbus >/dev/null
# CPython's MIME test corpus, for the differential test in tests/mime (issue 15).
$SUDO apt-get install -y -qq libpython3.11-testsuite >/dev/null
