#!/usr/bin/env bash
# The first hour with the template: packs RaySharp and RaySharp.Templates from this work tree, installs the templates
# into a private hive (the machine's own `dotnet new` list is not touched), creates an app with
# `dotnet new raysharp --feed <folder>`, builds it from that local feed, runs it and checks what it prints.
# Usage: tests/Packaging/check-template.sh   (KEEP_WORK=1 keeps the temp folder). Exits non-zero with a message on failure.
source "$(dirname "$0")/lib.sh"

pack_raysharp
isolate_work

step "packing RaySharp.Templates"
TEMPLATES="$WORK/templates"
run_logged "$WORK/pack-templates.log" dotnet pack "$REPO_ROOT/src/Templates/Templates.csproj" -c Release -o "$TEMPLATES" \
    --artifacts-path "$WORK/artifacts-templates"
TEMPLATE_NUPKG="$(ls "$TEMPLATES"/RaySharp.Templates.*.nupkg)"
listing="$(zip_list "$TEMPLATE_NUPKG")"
for entry in content/raysharp-console/.template.config/template.json content/raysharp-console/RaySharpApp.csproj \
    content/raysharp-console/Program.cs content/raysharp-console/nuget.config; do
    grep -qxF "$entry" <<<"$listing" || fail "the templates package lacks $entry. It holds:"$'\n'"$listing"
done
! grep -qE '^(lib|content/.*/(bin|obj))/' <<<"$listing" || fail "the templates package holds build output:"$'\n'"$listing"

# The template's default RaySharp version must be the one `dotnet pack src/Runtime` writes by default.
repo_version="$(dotnet msbuild "$REPO_ROOT/src/Runtime/Runtime.csproj" -getProperty:Version)"
template_default="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["symbols"]["RaySharpVersion"]["defaultValue"])' \
    "$REPO_ROOT/src/Templates/content/raysharp-console/.template.config/template.json")"
[[ "$template_default" == "$repo_version" ]] \
    || fail "template.json's RaySharpVersion defaults to $template_default, but dotnet pack src/Runtime writes $repo_version (Directory.Build.props Version)"

step "installing the templates into a private hive"
HIVE="$WORK/hive"
run_logged "$WORK/install.log" dotnet new install "$TEMPLATE_NUPKG" --debug:custom-hive "$HIVE"
grep -qE '\braysharp\b' "$WORK/install.log" || fail "dotnet new install did not list the raysharp template: $(cat "$WORK/install.log")"

step "creating an app with dotnet new raysharp --feed"
APP="$WORK/apps/HelloRay"
run_logged "$WORK/new.log" dotnet new raysharp -o "$APP" --feed "$FEED" --raysharp-version "$RAYSHARP_VERSION" \
    --debug:custom-hive "$HIVE"
[[ -f "$APP/HelloRay.csproj" ]] || fail "dotnet new raysharp -o $APP did not name the project after the folder: $(ls "$APP")"
grep -qF "value=\"$FEED\"" "$APP/nuget.config" || fail "the app's nuget.config does not name the feed: $(cat "$APP/nuget.config")"
grep -qF "Version=\"$RAYSHARP_VERSION\"" "$APP/HelloRay.csproj" || fail "the app does not reference RaySharp $RAYSHARP_VERSION: $(cat "$APP/HelloRay.csproj")"

step "building and running the app"
run_logged "$WORK/build.log" dotnet build "$APP/HelloRay.csproj" -c Release
if grep -E 'warning (CS|RAY)[0-9]{4}' "$WORK/build.log"; then
    fail "the template's app builds with warnings (above)"
fi
if ! timeout 120 dotnet run --no-build -c Release --project "$APP/HelloRay.csproj" >"$WORK/output.txt" 2>&1; then
    cat "$WORK/output.txt" >&2
    fail "the template's app exited with an error (output above)"
fi
sed 's/^/    /' "$WORK/output.txt"
for expected in "sum of squares 1..5: 55" "counter total: 30"; do
    grep -qxF "$expected" "$WORK/output.txt" || fail "the template's app did not print: $expected"
done

step "creating an app without --feed"
run_logged "$WORK/new-nofeed.log" dotnet new raysharp -o "$WORK/apps/NoFeed" --debug:custom-hive "$HIVE"
[[ ! -e "$WORK/apps/NoFeed/nuget.config" ]] || fail "without --feed the template still wrote a nuget.config"
grep -qF "Version=\"$repo_version\"" "$WORK/apps/NoFeed/NoFeed.csproj" || fail "without --raysharp-version the app does not reference RaySharp $repo_version"

step "passed"
echo "$CHECK_NAME: OK (RaySharp $RAYSHARP_VERSION, ${SECONDS}s)"
