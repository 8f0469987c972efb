#!/bin/sh
# Makes a throw-away project for the workspace demo: DIR/app (a git repository with one commit and
# a check script), DIR/remote.git (its bare remote, `origin`), and the demo's orchestra.yaml and
# pipeline beside them. Usage: sh setup.sh [DIR]   (default: a new temp folder; prints its path)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/orchestra-workspace-demo.XXXXXX")}
mkdir -p "$dir"
cp "$here/orchestra.yaml" "$here/workspace-demo.dot" "$dir/"

git init --quiet --bare "$dir/remote.git"
git init --quiet -b main "$dir/app"
cd "$dir/app"
git config user.name "Workspace Demo"
git config user.email "demo@example.com"
git config commit.gpgsign false
cat > README.md <<'TEXT'
# Demo app

A tiny repository that Orchestra's workspace demo changes on a session branch.
TEXT
cat > check.sh <<'TEXT'
#!/bin/sh
# The demo's test: the plan, the code and the docs are all there (each written on its own branch).
set -eu
for file in PLAN.md src/greet.js docs/greeting.md; do
  test -s "$file" || { echo "missing: $file" >&2; exit 1; }
done
echo "check passed: PLAN.md, src/greet.js and docs/greeting.md are present"
TEXT
git add README.md check.sh
git commit --quiet -m "Initial commit"
git remote add origin "$dir/remote.git"
git push --quiet origin main
echo "$dir"
