#!/usr/bin/env bash
# Issue 3, section 2: a sample published with -p:PublishAot=true builds with zero AOT or trim warnings and runs.
# Packs RaySharp from this work tree, publishes tests/Packaging/Consumer (tasks, a ref dependency, Put/Get/Wait,
# RaySerializer round trips) from that package as a NativeAOT linux-x64 binary, fails on any IL warning (printed in
# full: TrimmerSingleWarn=false expands the per-assembly IL2104/IL3053 summaries), runs the binary, checks its output.
# Usage: tests/Packaging/check-aot.sh   (KEEP_WORK=1 keeps the temp folder). Exits non-zero with a message on failure.
source "$(dirname "$0")/lib.sh"

RID="${RID:-linux-x64}"

pack_raysharp
make_consumer

step "publishing the consumer with PublishAot=true for $RID"
PUBLISH="$WORK/publish"
set +e
dotnet publish "$CONSUMER/Consumer.csproj" -c Release -r "$RID" -o "$PUBLISH" \
    -p:PublishAot=true -p:TrimmerSingleWarn=false -p:RaySharpVersion="$RAYSHARP_VERSION" >"$WORK/publish.log" 2>&1
publish_rc=$?
set -e

# Trim and AOT analysis warnings (ILLink/ILC/analyzers): ILxxxx, whether reported as warnings or, with
# TreatWarningsAsErrors, as errors. MSBuild repeats each one in its summary, hence sort -u.
il_warnings="$(grep -E '(warning|error) IL[0-9]{4}' "$WORK/publish.log" | sed -E 's/^ +//' | sort -u || true)"
if [[ -n "$il_warnings" ]]; then
    echo "---- trim/AOT warnings ($(wc -l <<<"$il_warnings")):" >&2
    echo "$il_warnings" >&2
    echo "---- by code:" >&2
    grep -oE '(warning|error) IL[0-9]{4}' <<<"$il_warnings" | sort | uniq -c >&2
    fail "the NativeAOT publish reported trim/AOT warnings (above)"
fi
if [[ $publish_rc -ne 0 ]]; then
    echo "---- last lines of $WORK/publish.log" >&2
    tail -n 60 "$WORK/publish.log" >&2
    fail "dotnet publish -p:PublishAot=true failed (exit $publish_rc)"
fi

check_generated_stubs

BINARY="$PUBLISH/Consumer"
[[ -x "$BINARY" ]] || fail "no native binary at $BINARY; the publish folder holds: $(ls "$PUBLISH")"
[[ ! -e "$PUBLISH/Consumer.dll" && ! -e "$PUBLISH/RaySharp.dll" ]] || fail "the publish folder holds IL assemblies, so it is not a NativeAOT publish"
echo "$CHECK_NAME: native binary $(du -h "$BINARY" | cut -f1), no IL warnings"

step "running the native binary"
if ! timeout 120 "$BINARY" >"$WORK/output.txt" 2>"$WORK/run.stderr"; then
    cat "$WORK/output.txt" "$WORK/run.stderr" >&2
    fail "the NativeAOT binary exited with an error (output above)"
fi
check_output "$WORK/output.txt"
sed 's/^/    /' "$WORK/output.txt"

step "passed"
echo "$CHECK_NAME: OK (RaySharp $RAYSHARP_VERSION, ${SECONDS}s)"
