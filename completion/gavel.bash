# bash completion for gavel(1): commands, options, session names (from the
# data folder, or -D DIR), roster names, formats and annexes.
# Installed as PREFIX/share/bash-completion/completions/gavel.

_gavel_datadir() {
   local i
   for ((i = 1; i < COMP_CWORD; i++)); do
      case ${COMP_WORDS[i]} in
      -D) echo "${COMP_WORDS[i + 1]}"; return ;;
      -D?*) echo "${COMP_WORDS[i]#-D}"; return ;;
      esac
   done
   local xdg=${XDG_DATA_HOME:-}
   [[ $xdg == /* ]] || xdg=$HOME/.local/share
   echo "$xdg/gavel"
}

_gavel_sessions() {
   local dir f
   dir=$(_gavel_datadir)/sessions
   for f in "$dir"/*.gavel; do
      [[ -e $f ]] || continue
      f=${f##*/}
      echo "${f%.gavel}"
   done
}

# Names of SUB/NAME.ini in the folders gavel searches (gavel-config(5)).
_gavel_data_names() {
   local sub=$1 d f bin
   bin=$(command -v gavel 2>/dev/null)
   for d in ${GAVEL_DATADIR:+"$GAVEL_DATADIR"} "$(_gavel_datadir)" \
      ${bin:+"${bin%/*}" "${bin%/*}/../share/gavel"} /usr/local/share/gavel /usr/share/gavel; do
      for f in "$d/$sub"/*.ini; do
         [[ -e $f ]] || continue
         f=${f##*/}
         echo "${f%.ini}"
      done
   done | sort -u
}

_gavel() {
   local cur prev cmd i
   cur=${COMP_WORDS[COMP_CWORD]}
   prev=${COMP_WORDS[COMP_CWORD - 1]}
   local commands="render actions new exec show check compact follow"
   cmd=
   for ((i = 1; i < COMP_CWORD; i++)); do
      case ${COMP_WORDS[i]} in
      -D) ((i++)) ;;
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
      esac
   done

   case $prev in
   -D) COMPREPLY=($(compgen -d -- "$cur")); return ;;
   -o|--output|-f|--file|-a|--agenda)
      COMPREPLY=($(compgen -f -- "$cur")); return ;;
   -r|--roster)
      COMPREPLY=($(compgen -W "$(_gavel_data_names rosters)" -- "$cur")); return ;;
   --annex)
      COMPREPLY=($(compgen -W "attendance speakers actions all" -- "$cur")); return ;;
   -t|--format)
      case $cmd in
      render) COMPREPLY=($(compgen -W "md html txt" -- "$cur")) ;;
      actions) COMPREPLY=($(compgen -W "md csv ics txt" -- "$cur")) ;;
      new) ;;
      esac
      return ;;
   --title|-d|--date|--owner) return ;;
   esac

   local opts=
   case $cmd in
   "")
      if [[ $cur == -* ]]; then
         COMPREPLY=($(compgen -W "-D --read-only --help --version" -- "$cur"))
      else
         COMPREPLY=($(compgen -W "$commands $(_gavel_sessions)" -- "$cur"))
      fi
      return ;;
   render) opts="--format -o --output --annex --date --help --" ;;
   actions) opts="--open --owner --format -o --output --help --" ;;
   new) opts="--agenda --from --roster --title --date --help" ;;
   exec) opts="-f --file --keep-going --progress --help --" ;;
   show|compact|follow) opts="--help --" ;;
   check) opts="-q --quiet --help --" ;;
   esac
   if [[ $cur == -* ]]; then
      COMPREPLY=($(compgen -W "$opts" -- "$cur"))
   elif [[ $cmd != new ]]; then
      COMPREPLY=($(compgen -W "$(_gavel_sessions)" -- "$cur"))
   fi
}

complete -F _gavel gavel
