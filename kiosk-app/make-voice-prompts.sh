#!/usr/bin/env bash
# Makes the kiosk's voice prompts (decision 0140): for each FILE=TEXT line of prompts.txt, FILE.wav
# spoken by Debian's espeak-ng (Mandarin voice cmn-latn-pinyin), as 16 kHz 16-bit mono PCM, silence trimmed,
# peak normalised to -3 dBFS, no dither (the same text gives the same bytes). Writes prompts.lock
# (FILE=TEXT of what was made), which VoicePromptFilesTest compares with prompts.txt.
# Needs: apt-get install espeak-ng sox. Usage: kiosk-app/make-voice-prompts.sh
set -euo pipefail
dir="$(cd "$(dirname "$0")" && pwd)/src/main/resources/org/warmstation/kiosk/voice"
for tool in espeak-ng sox; do
  command -v "$tool" >/dev/null || { echo "make-voice-prompts: $tool is missing (apt-get install espeak-ng sox)" >&2; exit 1; }
done
# not 'cmn': espeak-ng 1.51 (Debian 12) turns the characters into pinyin with tone digits and
# then reads that Latin text as English ("huan five ..."); cmn-latn-pinyin reads it as Mandarin
voice=cmn-latn-pinyin
speed=170
lock="$dir/prompts.lock.tmp"
echo "# made by make-voice-prompts.sh with $(espeak-ng --version | cut -d' ' -f1-4), voice $voice, speed $speed" > "$lock"
while IFS='=' read -r file text; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  phonemes="$(espeak-ng -v "$voice" -q -x "$text")"
  if [[ "$phonemes" == *"(en)"* ]]; then
    echo "make-voice-prompts: espeak-ng would read '$text' as English: $phonemes" >&2; exit 1
  fi
  espeak-ng -v "$voice" -s "$speed" --stdout "$text" \
    | sox -D -t wav - -r 16000 -c 1 -b 16 "$dir/$file.wav" \
        silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse pad 0.05 0.1 norm -3
  echo "$file=$text" >> "$lock"
  echo "$file.wav: $text ($(soxi -D "$dir/$file.wav") s)"
done < "$dir/prompts.txt"
mv "$lock" "$dir/prompts.lock"
