"""The parts of the knowledge site benchmark; the entry point is
tests/bench/knowledge_bench.py (see tests/bench/README.md).

    config       paths, URLs, the run's Config, say/median/p95
    resources    the run's own database and cache keys
    server       gunicorn on a loopback port
    load         wrk or loadgen.py
    throughput   part 1: page throughput
    corpus       part 2's generated pages
    search       part 2: search latency and plans
    report       the summary
"""
