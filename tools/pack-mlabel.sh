#!/usr/bin/env bash
# Packs the mlabel tool as it is published: the pointer package MonaiLabel.Cli (which names the platform packages),
# MonaiLabel.Cli.any (framework-dependent IL, every platform) and MonaiLabel.Cli.linux-x64 (Native AOT; needs clang,
# e.g. `apt-get install clang`). .NET 10 builds AOT tool packages one RID per `dotnet pack -r`, so three runs.
#   tools/pack-mlabel.sh OUT_DIR      then: dotnet tool install MonaiLabel.Cli --add-source OUT_DIR [--tool-path DIR]
set -euo pipefail
out=${1:?usage: tools/pack-mlabel.sh OUT_DIR}
project="$(cd "$(dirname "$0")/.." && pwd)/src/MonaiLabel.Cli"
dotnet pack "$project" -c Release -o "$out"
dotnet pack "$project" -c Release -o "$out" -r any
dotnet pack "$project" -c Release -o "$out" -r linux-x64
