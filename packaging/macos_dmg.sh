#!/usr/bin/env bash
# macOS: sign CoPDesk.app, wrap it in a disk image, and notarise it, from the repository's root after `make dist`:
#
#   bash packaging/macos_dmg.sh            -> dist/CoPDesk-<version>-macos-arm64.dmg
#
# Signing needs MACOS_SIGNING_IDENTITY (a "Developer ID Application: …" identity in the keychain); notarising also
# needs APPLE_ID, APPLE_TEAM_ID and APPLE_APP_PASSWORD (an app-specific password). Without them each step says it
# is skipped and the unsigned disk image is still made: it opens on a Mac after right-click > Open, which is fine
# for testing but not for managed laptops.
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(python3 -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
app=dist/CoPDesk.app
dmg="dist/CoPDesk-${version}-macos-$(uname -m).dmg"
[ -d "$app" ] || { echo "No $app: run make dist on a Mac first." >&2; exit 1; }

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
    # Hardened runtime, as notarisation requires; the entitlement lets Python's ctypes (libffi) make callbacks.
    codesign --force --deep --timestamp --options runtime \
        --entitlements packaging/macos-entitlements.plist --sign "$MACOS_SIGNING_IDENTITY" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
else
    echo "Signing skipped: MACOS_SIGNING_IDENTITY is not set."
fi

rm -f "$dmg"
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"  # drag CoPDesk onto Applications to install
hdiutil create -volname CoPDesk -srcfolder "$staging" -ov -format UDZO "$dmg"
rm -rf "$staging"

if [ -n "${MACOS_SIGNING_IDENTITY:-}" ]; then
    codesign --force --timestamp --sign "$MACOS_SIGNING_IDENTITY" "$dmg"
fi
if [ -n "${MACOS_SIGNING_IDENTITY:-}" ] && [ -n "${APPLE_ID:-}" ] && [ -n "${APPLE_TEAM_ID:-}" ] \
    && [ -n "${APPLE_APP_PASSWORD:-}" ]; then
    xcrun notarytool submit "$dmg" --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" \
        --password "$APPLE_APP_PASSWORD" --wait
    xcrun stapler staple "$dmg"
else
    echo "Notarisation skipped: it needs the signing identity and APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD."
fi
echo "$dmg"
