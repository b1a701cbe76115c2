# gavel --version inside a real terminal prints its name and version and exits 0.
. tests/e2e/lib.sh
e2e_start 80 24 --version
e2e_expect "gavel 0." "version line not shown"
e2e_wait_exit 0 || e2e_fail "bad exit"
