#!/usr/bin/env bash
# Makes the simulator's tiny sample videos (committed under main/simulator/media/). Needs ffmpeg
# (Debian: apt-get install ffmpeg). H.264 + AAC in MP4, as real providers deliver, with the moov
# box first so players and our verifier can read it at once.
set -euo pipefail
out="$(dirname "$0")/../main/simulator/media"
mkdir -p "$out"
make() { # name width height
  ffmpeg -loglevel error -y \
    -f lavfi -i "testsrc2=size=$2x$3:rate=12:duration=2" \
    -f lavfi -i "sine=frequency=440:sample_rate=16000:duration=2" \
    -c:v libx264 -profile:v baseline -pix_fmt yuv420p -crf 36 -preset veryslow \
    -c:a aac -b:a 16k -ac 1 -movflags +faststart -shortest "$out/$1.mp4"
}
make landscape 192 108
make portrait 108 192
make square 144 144
ls -l "$out"
