#!/usr/bin/env bash
# Builds cjm's libFuzzer binary (JourneyKit, then Sources/HostileInput + Fuzz/FuzzEntry.swift,
# all with -sanitize=fuzzer,address) and runs one target for a while.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer options…]
#   TARGET: json | xml | pipeline
#
# The corpus grows in fuzz-corpus/TARGET (git-ignored), seeded from samples/, the test fixtures
# and Fuzz/Corpus/. Crashes, hangs, leaks and out-of-memory inputs land in fuzz-corpus/findings/;
# each one found becomes a fix plus a file under Tests/JourneyKitTests/Fixtures/fuzz/TARGET/,
# which `swift test` replays through the same HostileInputPipeline (the HostileInput target).
set -euo pipefail

target="${1:-}"
seconds="${2:-}"
case "$target" in
  json|xml|pipeline) ;;
  *) echo "usage: scripts/fuzz.sh json|xml|pipeline SECONDS [libFuzzer options…]" >&2; exit 2 ;;
esac
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number" >&2; exit 2; }
shift 2

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
build="$root/.build/fuzz"
binary="$build/cjm-fuzz"
mkdir -p "$build"

library_sources=()
while IFS= read -r file; do library_sources+=("$file"); done < <(find Sources/JourneyKit -name '*.swift' | sort)
harness_sources=()
while IFS= read -r file; do harness_sources+=("$file"); done < <(find Sources/HostileInput -name '*.swift' | sort)
harness_sources+=(Fuzz/FuzzEntry.swift)

# Rebuild only when a source is newer than the binary (the instrumented build takes a minute).
rebuild=no
[[ -x "$binary" ]] || rebuild=yes
if [[ $rebuild == no ]]; then
  for file in "${library_sources[@]}" "${harness_sources[@]}" scripts/fuzz.sh; do
    [[ "$file" -nt "$binary" ]] && { rebuild=yes; break; }
  done
fi
if [[ $rebuild == yes ]]; then
  echo "building $binary…" >&2
  # Two modules, as in the package: JourneyKit as a static library, then the harness (which
  # imports JourneyKit) with the entry point, linked into one executable. The linker's notes
  # about ASan's local symbols are noise.
  libxml2=(-I Sources/CLibXML2 -Xcc "-I$(pkg-config --variable=includedir libxml-2.0)/libxml2")
  flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
  mkdir -p "$build/modules"
  swiftc "${flags[@]}" -module-name JourneyKit "${libxml2[@]}" \
    -emit-module -emit-module-path "$build/modules/JourneyKit.swiftmodule" \
    -emit-library -static -o "$build/libJourneyKit.a" "${library_sources[@]}"
  swiftc "${flags[@]}" -module-name HostileInput "${libxml2[@]}" -I "$build/modules" \
    "${harness_sources[@]}" "$build/libJourneyKit.a" -lxml2 \
    -o "$binary.new" 2> >(grep -v "Cannot export local symbol" >&2)
  mv "$binary.new" "$binary"
fi

# Seeds: the samples and test fixtures of the target's format, and committed seeds.
corpus="$root/fuzz-corpus/$target"
seeds="$root/fuzz-corpus/seeds-$target"
findings="$root/fuzz-corpus/findings"
mkdir -p "$corpus" "$seeds" "$findings"
case "$target" in
  json) patterns=('*.json') ;;
  xml) patterns=('*.xml') ;;
  pipeline) patterns=('*.json' '*.xml') ;;
esac
for pattern in "${patterns[@]}"; do
  find samples Tests/JourneyKitTests/Fixtures -name "$pattern" -size -64k -exec cp {} "$seeds/" \;
done
if [[ -d "Fuzz/Corpus/$target" ]]; then cp Fuzz/Corpus/"$target"/* "$seeds/" 2>/dev/null || true; fi

dictionary=()
case "$target" in
  json) dictionary=(-dict=Fuzz/json.dict) ;;
  xml) dictionary=(-dict=Fuzz/xml.dict) ;;
esac

# -max_len: journeys in the corpus are a few KB; 64 KB leaves room for deep nesting.
# -timeout: any single input taking 10 s is a hang. -rss_limit_mb: 2 GB is far above what a
# 64 KB input may cost. Leaks are reported by ASan's leak checker when the run ends.
export CJM_FUZZ_TARGET="$target"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
exec "$binary" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$findings/$target-" \
  "${dictionary[@]}" "$@" "$corpus" "$seeds"
