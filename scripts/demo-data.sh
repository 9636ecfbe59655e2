#!/usr/bin/env bash
# A small, complete call centre made with ivrctl alone: what scripts/run.sh loads into an empty
# database, and what an admin can copy to start their own.
#
#   IVR_DB="Host=…" scripts/demo-data.sh [ivrctl command]
#
# The ivrctl command defaults to "ivrctl" on PATH; scripts/run.sh passes the one it built.
# Agents 1001-1003 are users of freeswitch-conf/directory/default.xml; the numbers are the DIDs
# the integration suite's PSTN side dials.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

read -r -a ivrctl <<< "${1:-ivrctl}"
run() { printf 'demo-data.sh: ivrctl %s\n' "$*" >&2; "${ivrctl[@]}" "$@"; }

run skill-groups add sales --name 销售 --direction outbound
run skill-groups add service --name 客服 --direction inbound
run agents add 1001 --name 张三 --skill-group sales --skill-group service
run agents add 1002 --name 李四 --skill-group sales
run agents add 1003 --name 王五 --skill-group service

run menus add main --greeting ivr_welcome --invalid ivr_invalid --timeout-prompt ivr_timeout \
    --timeout 5s --retries 2 --default hangup \
    --option "1=skill_group:sales" --option "2=skill_group:service" --option "9=repeat" --option "0=agent:1001"

run numbers add 021-5281-0000 --province 上海 --city 上海 --menu main --skill-group sales
run numbers add 010-6234-5678 --province 北京 --city 北京 --menu main
run numbers add 0755-8600-1234 --province 广东 --city 深圳 --menu main --skill-group sales --max-concurrent 10 --daily-cap 500

run templates add 外呼满意度 --direction outbound --guide survey_guide_outbound --closing survey_closing \
    --invalid survey_invalid --timeout-prompt survey_timeout --timeout 5s --retries 1 --language zh-CN \
    --key "1=满意:5" --key "2=一般:3" --key "3=不满意:1"
run templates add 来电满意度 --direction inbound --guide survey_guide_inbound --closing survey_closing \
    --invalid survey_invalid --timeout-prompt survey_timeout --timeout 5s --retries 1 --language zh-CN \
    --key "1=满意:5" --key "2=一般:3" --key "3=不满意:1"

run settings set --caller-id-rule skill_group --candidate-pick random --protection mask \
    --callback on --callback-mode 2 --callback-window 3d --callback-ring-timeout 20s \
    --outbound-survey 外呼满意度 --inbound-survey 来电满意度

run regions import demo/regions.csv
run customers import demo/customers.csv
run rules check
