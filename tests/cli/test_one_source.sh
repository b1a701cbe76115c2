#!/bin/sh
# One UTF-8 decoder (model/utf8.c), one calendar (model/date.c) and one
# display-width table (model/width.c): the screen, the renderers and the INI
# reader use them instead of keeping their own. A second decoder checks
# continuation bytes, a second calendar knows leap years, a second width
# table asks wcwidth(); none may appear anywhere else.
# POSIX sh; exit 0 = pass. Run from the top of the source tree.
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
fail() { echo "FAIL: $*"; exit 1; }
src=$(ls model/*.c model/*.h storage/*.c storage/*.h render/*.c render/*.h tui/*.c tui/*.h \
	cli/*.c cli/*.h main.c)
for f in $src; do
	case $f in
	model/utf8.c) ;;
	*) grep -niE '0xc0\) *!= *0x80' "$f" && fail "$f decodes UTF-8 itself (use Utf8_decode)" ;;
	esac
	case $f in
	model/date.c) ;;
	*) grep -niE '% *400|leap' "$f" && fail "$f does its own calendar arithmetic (use model/date.h)" ;;
	esac
	case $f in
	model/width.c) ;;
	*) grep -nE 'wc(s)?width *\(' "$f" && fail "$f measures characters itself (use Width_cp)" ;;
	esac
done
exit 0
