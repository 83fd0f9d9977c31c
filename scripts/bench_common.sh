# Shared by the bench scripts (sourced, not run).
#
# palisade_release_binary REPO: prints the path of a release build of palisade,
# building it first (progress on stderr). $PALISADE, when set, is used as is;
# $SWIFT_SCRATCH_PATH, when set, is passed to swift build as --scratch-path.
palisade_release_binary() {
    if [ -n "${PALISADE:-}" ]; then
        echo "$PALISADE"
        return
    fi
    local build=(swift build -c release --product palisade --package-path "$1")
    if [ -n "${SWIFT_SCRATCH_PATH:-}" ]; then build+=(--scratch-path "$SWIFT_SCRATCH_PATH"); fi
    "${build[@]}" >&2
    echo "$("${build[@]}" --show-bin-path)/palisade"
}
