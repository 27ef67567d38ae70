#!/usr/bin/env bash
# On the GPU machine, after bench/gpu_bundle.sh's pieces were copied to /tmp/parts: unpack, then time the whole
# `scrutineer ingest` of the six corpus folders (16 parse workers, embedding on the GPU), an ingest without
# embeddings, and bench/ingest_throughput.py's stages. Usage: bash bench/gpu_end_to_end.sh SITE_BYTES
set -uo pipefail
site_bytes=$1
mkdir -p /tmp/x
cat /tmp/parts/part* | head -c "$site_bytes" | xz -dc -T0 | tar x -C /tmp/x
cat /tmp/parts/part* | tail -c +"$((site_bytes + 1))" | tar x -C /tmp/x
export PYTHONPATH=/tmp/x/site:/tmp/x/model:. HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
export PYTHONUNBUFFERED=1 SCRUTINEER_WORKERS=16
C=/tmp/x/shared/corpus
folders="$C/seeds $C/kent $C/kent-council $C/needs-assessments $C/ofsted-ilacs $C/ofsted-focused-visits"
cli() { python3 -c "from scrutineer.cli import app; app()" "$@"; }
python3 -c "from nlp.embed import build_embedder; print(type(build_embedder()).__name__)" || exit 1
timed() { local s e; s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "wall_s=$(python3 -c "print(round($e - $s, 1))")"; }
echo "== end to end"; timed cli ingest $folders --kb /tmp/kb-e2e 2>&1 | tail -6
echo "== no embeddings"; SCRUTINEER_EMBED=false timed cli ingest $folders --kb /tmp/kb-ne 2>&1 | tail -3
cli search "how often are children in care reported missing" --kb /tmp/kb-e2e --limit 3
echo "== stages"; python3 bench/ingest_throughput.py "$C" --workers 16 2>&1 | tail -30
