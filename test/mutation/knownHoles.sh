#!/bin/bash
# Issue 21's ten holes: applies each change that once passed every test, runs the test named for it,
# expects that test to FAIL, and puts the file back (git checkout). Run from a clean work tree:
#   bash test/mutation/knownHoles.sh            (integration rows on PostgreSQL, TEST_PG_URL to change it)
# Each row prints "fails under the change (good)"; anything else is a hole reopened.
cd "$(dirname "$0")/../.." || exit 1
if ! git diff --quiet; then echo "Commit or discard your changes first: this script uses git checkout." >&2; exit 2; fi
export DATABASE_URL=${TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}
bad=0
row() {
  local name=$1 file=$2 change=$3 project=$4 test=$5 pattern=$6
  perl -0pi -e "$change" "$file"
  if git diff --quiet -- "$file"; then echo "ROW $name: the change did not apply (the code moved: update this row)"; bad=1; return; fi
  if [ "$project" = unit ]; then env -u DATABASE_URL nice -n 5 npx vitest run --project unit "$test" -t "$pattern" > /tmp/row-$name.log 2>&1
  else nice -n 5 npx vitest run --project integration "$test" -t "$pattern" > /tmp/row-$name.log 2>&1; fi
  local rc=$?
  git checkout -q -- "$file"
  if [ $rc -ne 0 ]; then echo "ROW $name: test fails under the change (good)"; else echo "ROW $name: test PASSES under the change (bad)"; bad=1; fi
}
row 1 src/profiles/sentences.ts 's/ \|\| context\.aggregate\.answered < context\.threshold//' unit test/unit/profilesGeneration.test.ts 'only 3 cities answered a question'
row 2 src/profiles/resultsModel.ts 's/!basis\.suppressed && aggregate\.answered >= basis\.threshold/!basis.suppressed/' unit test/unit/profilesGeneration.test.ts 'only 2 cities rated a list'
row 3 src/profiles/editionCharts.ts 's/if \(!aggregate \|\| aggregate\.answered < basis\.threshold\) continue/if (!aggregate) continue/' unit test/unit/profilesGeneration.test.ts 'only 2 cities answered a charted question'
row 4 src/profiles/profilesRepository.ts "s/\.where\('r\.status', 'approved'\)/.whereIn('r.status', ['approved', 'submitted'])/" integration test/integration/profilesRegeneration.test.ts 'in progress, submitted or returned'
row 5 src/review/exportRepository.ts "s/query\.where\('r\.status', 'approved'\)/query.whereIn('r.status', ['approved', 'submitted', 'returned'])/" integration test/integration/reviewExports.test.ts 'approved export is chosen'
row 6 src/middleware/setUpCsrf.ts 's/router\.use\(\(req, res, next\) =>\n    csrfSynchronisedProtection/router.use((req, res, next) => req.path.startsWith("\/admin") ? next() :\n    csrfSynchronisedProtection/' integration test/integration/reviewLoop.test.ts 'without the form'
row 7 src/accounts/loginRoutes.ts "s/router\.post\('\/login', limiter, /router.post('\/login', /" integration test/integration/signInRateLimit.test.ts ''
row 8 views/review/response.ejs 's/<span class="cis-answer"><%= q\.lines\[0\] %>/<span class="cis-answer"><%- q.lines[0] %>/' integration test/integration/freeTextEscaping.test.ts 'administrator opens a response'
row 9 src/questionnaire/types/multiple.ts "s/if \(value\.choices\.length === 0\) return complete \? fail\('required'\) : null/if (value.choices.length === 0) return null/" unit test/unit/collectionValidation.test.ts 'required multiple-choice question has nothing ticked'
row 10 src/profiles/profileService.ts "s/const later = editions\.filter\(\(edition\) => edition\.year > changed\.year && edition\.basis === 'latest'\)/const later: typeof editions = []/" integration test/integration/profilesRegeneration.test.ts '2018 response is approved'
exit $bad
