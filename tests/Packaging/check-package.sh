#!/usr/bin/env bash
# Proves that one PackageReference to RaySharp gives a user everything: packs RaySharp from this work tree into a temp
# folder feed, restores a fresh copy of tests/Packaging/Consumer from that feed (plus the usual NuGet sources), builds it
# with the package's generator loaded, checks the generated stubs, runs it and compares its output.
# Usage: tests/Packaging/check-package.sh   (KEEP_WORK=1 keeps the temp folder). Exits non-zero with a message on failure.
source "$(dirname "$0")/lib.sh"

pack_raysharp
make_consumer

step "restoring the consumer from the local feed"
run_logged "$WORK/restore.log" dotnet restore "$CONSUMER/Consumer.csproj" -p:RaySharpVersion="$RAYSHARP_VERSION"
[[ -d "${GLOBAL_PACKAGES%/}/raysharp/$RAYSHARP_VERSION" ]] || fail "restore did not take RaySharp $RAYSHARP_VERSION from the local feed"

step "building the consumer"
run_logged "$WORK/build.log" dotnet build "$CONSUMER/Consumer.csproj" -c Release --no-restore -p:RaySharpVersion="$RAYSHARP_VERSION"
# The compiler could not load a Roslyn component (CS9057: built against a newer Roslyn; CS8032: not instantiable).
if grep -E '(CS9057|CS8032|CS8784|CS8785)' "$WORK/build.log"; then
    fail "the compiler did not run a RaySharp Roslyn component (lines above)"
fi

step "checking that the package's Roslyn components reach the compiler"
# The Analyzer items the SDK passes to csc, resolved from the package's analyzers/dotnet/cs.
run_logged "$WORK/analyzers.json" dotnet msbuild "$CONSUMER/Consumer.csproj" -p:Configuration=Release \
    -p:RaySharpVersion="$RAYSHARP_VERSION" -t:ResolveLockFileAnalyzers -getItem:Analyzer
while IFS= read -r project; do
    [[ -n "$project" ]] || continue
    name="$(dotnet msbuild "$project" -getProperty:AssemblyName)"
    grep -qE "raysharp/$RAYSHARP_VERSION/analyzers/dotnet/cs/$name\.dll" "$WORK/analyzers.json" \
        || fail "$name.dll from the package is not among the consumer's analyzers: $(cat "$WORK/analyzers.json")"
    echo "$CHECK_NAME: the compiler gets $name.dll from the package"
done < <(component_projects)

check_generated_stubs

step "checking the package's analyzers in the build output"
# Consumer/PlantedWarning.cs holds one RAY0103 violation; every other warning would have failed the build above.
planted="$(grep -E 'PlantedWarning\.cs\([0-9]+,[0-9]+\): warning RAY0103' "$WORK/build.log" | sort -u || true)"
[[ -n "$planted" ]] || fail "dotnet build did not report 'warning RAY0103' for Consumer/PlantedWarning.cs: $(grep -E 'RAY[0-9]{4}' "$WORK/build.log" || echo 'no RAY diagnostic at all')"
echo "$CHECK_NAME: $(sed -E 's/^ +//; s/ \[.*$//' <<<"$planted" | head -n 1)"

step "running the consumer"
if ! timeout 120 dotnet "$CONSUMER/bin/Release/net10.0/Consumer.dll" >"$WORK/output.txt" 2>"$WORK/run.stderr"; then
    cat "$WORK/output.txt" "$WORK/run.stderr" >&2
    fail "the consumer exited with an error (output above)"
fi
check_output "$WORK/output.txt"
sed "s/^/    /" "$WORK/output.txt"

step "checking that an .editorconfig severity override reaches the analyzers"
# Last, since it makes the build fail: dotnet_diagnostic.RAY0103.severity = error must turn the warning into an error.
# Warnings are not errors in this build, so only the .editorconfig can make RAY0103 one (the csproj's
# WarningsNotAsErrors, /warnaserror-:RAY0103 on the command line, would otherwise win over the .editorconfig).
printf 'root = true\n\n[*.cs]\ndotnet_diagnostic.RAY0103.severity = error\n' >"$CONSUMER/.editorconfig"
if dotnet build "$CONSUMER/Consumer.csproj" -c Release --no-restore -p:RaySharpVersion="$RAYSHARP_VERSION" \
    -p:TreatWarningsAsErrors=false -p:WarningsNotAsErrors= >"$WORK/build-editorconfig.log" 2>&1; then
    fail "the build passed although .editorconfig makes RAY0103 an error (log: build-editorconfig.log)"
fi
grep -qE 'PlantedWarning\.cs\([0-9]+,[0-9]+\): error RAY0103' "$WORK/build-editorconfig.log" \
    || { tail -n 30 "$WORK/build-editorconfig.log" >&2; fail "the build failed, but not with 'error RAY0103' from .editorconfig (above)"; }
echo "$CHECK_NAME: .editorconfig severity = error turns RAY0103 into a build error"

step "passed"
echo "$CHECK_NAME: OK (RaySharp $RAYSHARP_VERSION, ${SECONDS}s)"
