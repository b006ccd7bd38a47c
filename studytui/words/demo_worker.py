"""The demo screen's words about the process that computes demos
(demos/worker_client.py): when it ends without finishing a run."""

WORDS = {
    "demo_worker.died": ("데모를 계산하던 프로세스가 종료되었습니다 ({how}).",
                         "The process computing the demo ended ({how})."),
    "demo_worker.how_signal": ("{signal} 신호로 강제 종료", "killed by {signal}"),
    "demo_worker.how_exit": ("종료 상태 {status}{line}", "exit status {status}{line}"),
    "demo_worker.how_unstarted": ("시작하지 못함: {reason}", "could not start: {reason}"),
    "demo_worker.rerun": ("{key} 키를 누르면 새 프로세스에서 다시 실행합니다.",
                          "Press {key} to run it again in a fresh process."),
}
