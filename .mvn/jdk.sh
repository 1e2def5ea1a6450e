# Sourced by ./mvnw, ./mall and .ci/run: make JAVA_HOME name a JDK 21 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks beside the default JDK.
quarkmall_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
quarkmall_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk* /usr/lib/jvm/*25* /usr/lib/jvm/*21* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(quarkmall_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
if ! QUARKMALL_JDK=$(quarkmall_find_jdk); then
  echo "Quarkmall needs a JDK 21 or newer and found none (JAVA_HOME=${JAVA_HOME:-unset}, /usr/lib/jvm)." >&2
  echo "Install one, for example: apt-get install openjdk-21-jdk-headless (or Temurin 21/25), then set JAVA_HOME to it." >&2
  exit 1
fi
export JAVA_HOME="$QUARKMALL_JDK"
# Maven 3.9's Guice still uses sun.misc.Unsafe; JDK 24+ warns about it on every run unless allowed.
if [ "$(quarkmall_java_major "$JAVA_HOME")" -ge 24 ]; then
  case "${MAVEN_OPTS:-}" in
    *sun-misc-unsafe-memory-access*) ;;
    *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;;
  esac
fi
export PATH="$JAVA_HOME/bin:$PATH"
