#!/usr/bin/env bash
# Packs an end-to-end ingest for the GPU machine, which has PyTorch, transformers and sentence-transformers but not
# PyMuPDF, spaCy, Chroma or pydantic, reaches no package index, and takes at most 64 MiB a call. Writes git-ignored
# pieces of 54 MiB to .dev/p0, .dev/p1, ... : the missing packages as Python 3.12 wheels unpacked and stripped, the
# packaged model in float16 behind a stand-in (bench/gpu_embed.py), and the six corpus folders.
# Then, one `run` each, warm machine, in order:  carry [".dev/pK"]  command: mkdir -p /tmp/parts && cp .dev/pK/* /tmp/parts/
# and with the last piece:  bash bench/gpu_end_to_end.sh SITE_BYTES   (SITE_BYTES is printed below).
set -euo pipefail
cd "$(dirname "$0")/.."
grep -qx '/.dev/' .git/info/exclude 2>/dev/null || echo '/.dev/' >> .git/info/exclude
rm -rf .dev && mkdir -p .dev/wheels .dev/build/site .dev/build/model
version() { .venv/bin/python -c "import importlib.metadata as m, sys; print(m.version(sys.argv[1]))" "$1"; }
names="annotated-types blis catalogue confection cymem murmurhash preshed spacy spacy-legacy spacy-loggers srsly thinc
wasabi weasel chromadb opentelemetry-api opentelemetry-exporter-otlp-proto-common opentelemetry-exporter-otlp-proto-grpc
opentelemetry-proto opentelemetry-sdk opentelemetry-semantic-conventions googleapis-common-protos jsonschema
jsonschema-specifications referencing rpds-py orjson overrides pybase64 tenacity pydantic pydantic_core pydantic-settings
python-dotenv typing-inspection pymupdf tornado wcwidth typer rich click markdown-it-py mdurl protobuf shellingham"
specs=$(for n in $names; do echo "$n==$(version "$n")"; done)
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_27_x86_64 --platform manylinux_2_17_x86_64 \
  --platform manylinux2014_x86_64 --platform manylinux1_x86_64 -d .dev/wheels $specs
for w in .dev/wheels/*.whl; do unzip -q -o "$w" -d .dev/build/site; done
rm -rf .dev/build/site/{spacy,thinc,srsly,blis}/tests
find .dev/build/site -name '*.so' -exec strip --strip-unneeded {} + 2>/dev/null || true
.venv/bin/python -c "from pathlib import Path; from bench.gpu_embed import write_stand_in; write_stand_in(Path('.dev/build/model'))"
tar cf - -C .dev/build site model | xz -6 -T0 > .dev/S.tar.xz
tar cf .dev/C.tar -C .. shared/corpus/{seeds,kent,kent-council,needs-assessments,ofsted-ilacs,ofsted-focused-visits}
cat .dev/S.tar.xz .dev/C.tar > .dev/all && split -b 54M -d -a 1 .dev/all .dev/part && rm .dev/all
for f in .dev/part*; do k=${f#.dev/part}; mkdir -p ".dev/p$k" && mv "$f" ".dev/p$k/"; done
echo "SITE_BYTES=$(stat -c %s .dev/S.tar.xz)"; ls -d .dev/p*
