# Sourced by bin/everseed and .ci/run: points JAVA_HOME at a JDK of version 21 or newer.
# Order: JAVA_HOME if it is 21+, else the newest JDK under /usr/lib/jvm, else `java` on PATH if 21+.

jdk_major() { # prints the major version of the java binary $1, or 0
  "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }' || echo 0
}

select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(jdk_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  local best="" best_major=0 dir major
  for dir in /usr/lib/jvm/*/; do
    dir=${dir%/}
    [ -x "$dir/bin/javac" ] || continue
    major=$(jdk_major "$dir/bin/java")
    if [ "$major" -gt "$best_major" ]; then best=$dir; best_major=$major; fi
  done
  if [ "$best_major" -ge 21 ]; then
    export JAVA_HOME=$best
    return 0
  fi
  if command -v javac >/dev/null 2>&1 && [ "$(jdk_major java)" -ge 21 ]; then
    export JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    return 0
  fi
  echo "Everseed needs a JDK 21 or newer: set JAVA_HOME or install one under /usr/lib/jvm." >&2
  return 1
}
