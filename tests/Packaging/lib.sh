# Shared by check-package.sh and check-aot.sh; sourced, not run.
# Packs RaySharp from this work tree into a temp feed with a unique version, and lays out a consumer project copied
# from tests/Packaging/Consumer outside the repo, restoring from that feed plus the machine's usual NuGet sources.

set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

PACKAGING_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$PACKAGING_DIR/../.." && pwd)"
CHECK_NAME="$(basename "$0" .sh)"

# A version no cache has seen, so restore can only take the package packed here. RAYSHARP_PACKED names a RaySharp
# .nupkg packed already (tests/Packaging.Tests packs once for all checks): its version is used, and nothing is packed.
if [[ -n "${RAYSHARP_PACKED:-}" ]]; then
    RAYSHARP_VERSION="$(basename "$RAYSHARP_PACKED" .nupkg)"
    RAYSHARP_VERSION="${RAYSHARP_VERSION#RaySharp.}"
else
    RAYSHARP_VERSION="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
fi
WORK="$(mktemp -d "${TMPDIR:-/tmp}/raysharp-${CHECK_NAME}.XXXXXX")"
FEED="$WORK/feed"
CONSUMER="$WORK/consumer"
GLOBAL_PACKAGES="$(dotnet nuget locals global-packages --list | sed -E 's/^global-packages: *//')"

cleanup() {
    # The unique version was extracted into the global packages folder by restore: remove exactly that one.
    rm -rf "${GLOBAL_PACKAGES%/}/raysharp/$RAYSHARP_VERSION"
    rmdir "${GLOBAL_PACKAGES%/}/raysharp" 2>/dev/null || true
    if [[ "${KEEP_WORK:-0}" == 1 ]]; then
        echo "$CHECK_NAME: work folder kept: $WORK"
    else
        rm -rf "$WORK"
    fi
}
trap cleanup EXIT

fail() {
    echo "$CHECK_NAME: FAILED: $*" >&2
    exit 1
}

step() {
    echo "== $CHECK_NAME: $* ($(( SECONDS ))s)"
}

# run_logged LOG CMD...: runs CMD with its output in LOG; on failure prints the log's last lines and fails.
run_logged() {
    local log="$1"
    shift
    if ! "$@" >"$log" 2>&1; then
        echo "---- last lines of $log" >&2
        tail -n 60 "$log" >&2
        fail "command failed: $*"
    fi
}

# The Roslyn component projects that the package must carry under analyzers/dotnet/cs (mirrors Runtime.csproj).
component_projects() {
    local p
    for p in src/Generators/Generators.csproj src/Analyzers/Analyzers.csproj src/Analyzers.CodeFixes/Analyzers.CodeFixes.csproj; do
        if [[ -f "$REPO_ROOT/$p" ]]; then
            echo "$REPO_ROOT/$p"
        fi
    done
}

# The repository the package names (Directory.Build.props RepositoryUrl).
repository_url() { dotnet msbuild "$REPO_ROOT/src/Runtime/Runtime.csproj" -getProperty:RepositoryUrl; }

# A .nupkg is a zip; python3 reads it (unzip is not on every machine of this kind).
zip_list() { python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; }
zip_read() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode("utf-8-sig"))' "$1" "$2"; }

# pack_raysharp: packs into $FEED and checks the package's contents. Sets NUPKG.
pack_raysharp() {
    [[ -f "$REPO_ROOT/src/Generators/Generators.csproj" ]] \
        || fail "src/Generators/Generators.csproj is missing: the consumer's [RayRemote] stubs need the generator in the package"
    mkdir -p "$FEED"
    if [[ -n "${RAYSHARP_PACKED:-}" ]]; then
        step "using RaySharp $RAYSHARP_VERSION packed already ($RAYSHARP_PACKED)"
        [[ -f "$RAYSHARP_PACKED" ]] || fail "RAYSHARP_PACKED names no file: $RAYSHARP_PACKED"
        cp "$RAYSHARP_PACKED" "$FEED/"
    else
        step "packing RaySharp $RAYSHARP_VERSION"
        # A private artifacts folder: the pack neither reads nor disturbs the work tree's bin/ and obj/.
        run_logged "$WORK/pack.log" dotnet pack "$REPO_ROOT/src/Runtime/Runtime.csproj" -c Release -o "$FEED" \
            --artifacts-path "$WORK/artifacts" -p:Version="$RAYSHARP_VERSION"
    fi

    local packages=("$FEED"/*.nupkg)
    [[ ${#packages[@]} -eq 1 ]] || fail "expected exactly one package in $FEED, found: ${packages[*]}"
    NUPKG="$FEED/RaySharp.$RAYSHARP_VERSION.nupkg"
    [[ -f "$NUPKG" ]] || fail "expected $NUPKG, found ${packages[*]}"

    local listing
    listing="$(zip_list "$NUPKG")"
    local expected=(lib/net10.0/RaySharp.dll lib/net10.0/RaySharp.xml README.md RaySharp.nuspec)
    local project name
    while IFS= read -r project; do
        [[ -n "$project" ]] || continue
        name="$(dotnet msbuild "$project" -getProperty:AssemblyName)"
        expected+=("analyzers/dotnet/cs/$name.dll")
    done < <(component_projects)
    local entry
    for entry in "${expected[@]}"; do
        grep -qxF "$entry" <<<"$listing" || fail "the package lacks $entry. It holds:"$'\n'"$listing"
    done
    # Nothing but the runtime in lib/, nothing but Roslyn components in analyzers/.
    local stray
    stray="$(grep -E '^(lib|analyzers)/' <<<"$listing" | grep -vxF -f <(printf '%s\n' "${expected[@]}") || true)"
    [[ -z "$stray" ]] || fail "unexpected files in the package: $stray"

    local nuspec
    nuspec="$(zip_read "$NUPKG" RaySharp.nuspec)"
    grep -qE '<dependency id="MessagePack" version="2\.5\.307"' <<<"$nuspec" \
        || fail "the package does not depend on MessagePack 2.5.307:"$'\n'"$nuspec"
    # The metadata a package page shows: licence, readme, repository (the help links' repository too), tags, description.
    local meta
    for meta in '<license type="expression">MIT</license>' '<readme>README.md</readme>' \
        "<repository type=\"git\" url=\"$(repository_url)\"" "<projectUrl>$(repository_url)</projectUrl>" '<tags>' '<description>'; do
        grep -qF "$meta" <<<"$nuspec" || fail "the package's nuspec lacks $meta:"$'\n'"$nuspec"
    done
    local deps
    deps="$(grep -oE '<dependency id="[^"]+"' <<<"$nuspec" | sed -E 's/.*id="([^"]+)"/\1/' | sort -u | tr '\n' ' ')"
    # MessagePack, and the logging abstractions (RayOptions.LoggerFactory; a no-op without a factory), nothing else.
    [[ "$deps" == "MessagePack Microsoft.Extensions.Logging.Abstractions " ]] \
        || fail "the package's dependencies should be MessagePack and Microsoft.Extensions.Logging.Abstractions alone, got: $deps"
    echo "$CHECK_NAME: package $(basename "$NUPKG") holds:"
    grep -E '^(lib|analyzers)/' <<<"$listing" | sed 's/^/    /'
}

# isolate_work: stops MSBuild's upward search at $WORK, so nothing from the repo or from /tmp leaks into a project
# under it, and pins the repo's SDK there.
isolate_work() {
    printf '<Project />\n' >"$WORK/Directory.Build.props"
    printf '<Project />\n' >"$WORK/Directory.Build.targets"
    printf '<Project />\n' >"$WORK/Directory.Packages.props"
    cp "$REPO_ROOT/global.json" "$WORK/global.json"
}

# make_consumer: copies the consumer template to $CONSUMER with a nuget.config for $FEED.
make_consumer() {
    step "laying out the consumer in $CONSUMER"
    mkdir -p "$CONSUMER"
    cp -R "$PACKAGING_DIR/Consumer/." "$CONSUMER/"
    rm -rf "$CONSUMER/bin" "$CONSUMER/obj"
    isolate_work
    # The local feed is added to the machine's usual sources (user-level NuGet.Config), which MessagePack comes from.
    cat >"$WORK/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="raysharp-local" value="$FEED" />
  </packageSources>
</configuration>
XML
}

# check_output ACTUAL_FILE: compares the consumer's output with expected-output.txt.
check_output() {
    if ! diff -u "$PACKAGING_DIR/expected-output.txt" "$1" >"$WORK/output.diff"; then
        cat "$WORK/output.diff" >&2
        fail "the consumer printed something else than tests/Packaging/expected-output.txt (diff above)"
    fi
}

# check_generated_stubs: the consumer's [RayRemote] methods compile only through generated stubs; list those sources
# (EmitCompilerGeneratedFiles=true writes them under obj/) and check that Calc.Remote is among them.
check_generated_stubs() {
    local generated
    generated="$(find "$CONSUMER/obj" -path '*/generated/RaySharp.Generators/*' -name '*.cs' | sort)"
    [[ -n "$generated" ]] || fail "RaySharp.Generators from the package generated no source in the consumer"
    echo "$CHECK_NAME: sources generated by RaySharp.Generators:"
    sed "s|^$CONSUMER/|    |" <<<"$generated"
    local stubs
    stubs="$(xargs -d '\n' grep -lE 'partial class Calc' <<<"$generated" | xargs -r -d '\n' grep -lE '\bRemote\b' || true)"
    [[ -n "$stubs" ]] || fail "no generated source declares Calc.Remote"
}
