#!/usr/bin/env bash
# Systematic concurrency tests: build tests/Coyote, rewrite it and RaySharp.dll with Coyote's tool, and run each race
# for N iterations (default 100, CI's short run; the long run is `tests/Coyote/run.sh 10000`).
# Coyote 1.7.11's tool targets .NET 8; DOTNET_ROLL_FORWARD=Major runs it on the SDK's .NET 10.
set -euo pipefail
cd "$(dirname "$0")"
iterations=${1:-100}
export DOTNET_ROLL_FORWARD=Major DOTNET_CLI_TELEMETRY_OPTOUT=1 COYOTE_CLI_TELEMETRY_OPTOUT=1
tools=${COYOTE_TOOL_PATH:-$PWD/obj/coyote-tool}
if [[ ! -x "$tools/coyote" ]]; then
  dotnet tool install --tool-path "$tools" Microsoft.Coyote.CLI --version 1.7.11 >/dev/null
fi
dotnet build -c Release --nologo -v quiet >/dev/null
"$tools/coyote" rewrite rewrite.coyote.json >/dev/null
# The races run against Runtime/Runtime.Coyote.csproj: the runtime's sources built with COYOTE (Monitor locks, and a
# blocking Get parks on a SemaphoreSlim), which Coyote controls; docs/reliability.md says why.
races=(
  Submit_complete_and_cancel_race_on_one_task
  Shutdown_races_with_submits
  An_actor_call_races_with_Kill_and_the_restart
  Get_and_Wait_race_with_completion_and_cancel
  WaitAsync_races_with_completion_and_cancel
  A_release_races_with_a_new_reference
  Spilling_races_with_Get
)
for test in "${races[@]}"; do
  # --deadlock-timeout: how long a step outside Coyote's control (the store races' GC.Collect and finalizers) may take
  # before Coyote's periodic monitor reports a potential hang; its default, 1 s, was exceeded on a loaded machine.
  out=$("$tools/coyote" test bin/Release/net10.0/RaySharp.Coyote.dll -m "$test" -i "$iterations" --deadlock-timeout 10000 -v info 2>&1) || { echo "$out"; exit 1; }
  echo "$test: $(grep -E 'Found [0-9]+ bug' <<<"$out" | sed 's/^[. ]*//') $(grep -E 'Explored' <<<"$out" | sed 's/^[. ]*//') $(grep -E 'uncontrolled invocation' <<<"$out" | sed 's/^[. ]*//')"
  grep -qE 'Found 0 bugs' <<<"$out" || { echo "$out" | tail -40; exit 1; }
done
