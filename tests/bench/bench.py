#!/usr/bin/env python3
"""Mailsink benchmark: starts `mailsink serve` on a fresh store on loopback (and, with --peer, Postfix's
`smtp-sink -d`, which writes every message to a file but never flushes, under the same load), drives it
with an asyncio SMTP client (strict request/response, every reply checked) or Postfix's `smtp-source`,
and prints msgs/s, end-of-DATA -> 250 latency p50/p99, connect -> banner p99, server CPU per message,
server peak RSS and lost messages (acknowledged but not complete in the store), side by side with the
ratio. Not a test: it only measures and prints.

    tests/bench/bench.py --binary build/app/mailsink [--peer] [--scenarios 1k-session,500-concurrent] [--reps 3]
"""
import argparse, asyncio, glob, json, os, resource, shutil, signal, socket, statistics, subprocess, sys, tempfile, time

SCENARIOS = {
    # name: (message size, connections, messages per connection, new connection per message)
    "1k-session": (1024, 10, 300, False),
    "src-1k-session": (1024, 10, 500, False),  # Postfix smtp-source -s 10 -m 5000 -l 1024 -d (a C client)
    "1k-conn": (1024, 10, 50, True),
    "100k-session": (100 * 1024, 10, 40, False),
    "10m-session": (10 * 1024 * 1024, 2, 5, False),
    # 500 sessions open at once (each waits for every other to be greeted), then 2 messages each.
    "500-concurrent": (1024, 500, 2, False),
}
SMTP_SOURCE = "/usr/sbin/smtp-source"
SMTP_SINK = "/usr/sbin/smtp-sink"


FILLER_LINE = b"The quick brown fox jumps over the lazy dog, 0123456789 ABCDEFGHIJKLMNOPQRSTUV\r\n"
_fillers = {}


def message_parts(size, ident):
    """A message of `size` bytes, as the pieces to write: headers with the id, lines of filler, the id
    again on the last line. The filler is made once per size and handed to the transport as a view (no
    copy of our own): built line by line and joined, it cost the client ~30 ms per 10 MiB message, time in
    which the server waited."""
    head = (f"From: bench <bench@example.com>\r\nTo: sink <sink@example.com>\r\n"
            f"Subject: bench {ident}\r\nX-Bench-Id: {ident}\r\n\r\n").encode()
    tail = f"bench-end {ident}\r\n".encode()
    if size not in _fillers:
        _fillers[size] = memoryview(FILLER_LINE * (size // len(FILLER_LINE) + 1))
    return head, _fillers[size][: max(0, size - len(head) - len(tail))], tail


async def reply(reader):
    lines = []
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("connection closed")
        lines.append(line)
        if line[3:4] != b"-":
            return lines[0][:3]


async def expect(reader, code):
    got = await reply(reader)
    if got != code:
        raise RuntimeError(f"expected {code!r}, got {got!r}")


async def session(port, size, count, per_message, worker, latencies, acked, banners, barrier):
    reader = writer = None
    for i in range(count):
        if writer is None:
            connect = time.perf_counter()
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            await expect(reader, b"220")
            banners.append(time.perf_counter() - connect)
            if barrier is not None:
                await barrier.wait()  # every session is open and greeted before any sends
                barrier = None
            writer.write(b"EHLO bench.example\r\n")
            await expect(reader, b"250")
        ident = f"w{worker}m{i}"
        for command, code in ((b"MAIL FROM:<bench@example.com>\r\n", b"250"),
                              (b"RCPT TO:<sink@example.com>\r\n", b"250"), (b"DATA\r\n", b"354")):
            writer.write(command)
            await expect(reader, code)
        head, body, tail = message_parts(size, ident)
        writer.write(head)
        writer.write(body)
        writer.write(tail + b".\r\n")
        await writer.drain()
        start = time.perf_counter()
        await expect(reader, b"250")
        latencies.append(time.perf_counter() - start)
        acked.add(ident)
        if per_message or i == count - 1:
            writer.write(b"QUIT\r\n")
            await expect(reader, b"221")
            writer.close()
            await writer.wait_closed()
            writer = None
        else:
            writer.write(b"RSET\r\n")
            await expect(reader, b"250")


class Barrier:
    """asyncio.Barrier is Python 3.11+; this is enough for one use."""

    def __init__(self, parties):
        self.left, self.event = parties, asyncio.Event()

    async def wait(self):
        self.left -= 1
        if self.left <= 0:
            self.event.set()
        await asyncio.wait_for(self.event.wait(), 60)


async def load(port, size, conns, msgs, per_message):
    latencies, acked, banners = [], set(), []
    barrier = Barrier(conns) if conns >= 100 else None
    started = time.perf_counter()
    results = await asyncio.gather(*(session(port, size, msgs, per_message, w, latencies, acked, banners, barrier)
                                     for w in range(conns)), return_exceptions=True)
    wall = time.perf_counter() - started
    errors = [repr(r) for r in results if isinstance(r, Exception)]
    return wall, latencies, acked, errors, banners


def smtp_source_load(port, size, conns, msgs):
    """Postfix's C load generator; it checks every reply and exits non-zero on an unexpected one. It
    reports no per-message latency, and messages carry no id of ours: lost = acknowledged - stored."""
    total = conns * msgs
    started = time.perf_counter()
    run = subprocess.run([SMTP_SOURCE, "-s", str(conns), "-m", str(total), "-l", str(size), "-d",
                          "-f", "bench@example.com", "-t", "sink@example.com", f"127.0.0.1:{port}"],
                         capture_output=True, text=True, timeout=600)
    wall = time.perf_counter() - started
    errors = [] if run.returncode == 0 else [f"smtp-source exit {run.returncode}: {run.stderr.strip()[:200]}"]
    acked = {f"src{i}" for i in range(total)} if run.returncode == 0 else set()
    return wall, [], acked, errors, []


def peak_rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def cpu_times():
    """The machine's CPU time counters (all cores): total and stolen, in clock ticks."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    return sum(fields[:8]), fields[7] if len(fields) > 7 else 0


def client_cpu_seconds():
    """This process (the asyncio client) plus finished children (smtp-source; the server is still running
    and not counted)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def count_stored(store, pattern):
    return len(glob.glob(os.path.join(store, pattern)))


def verify(store, acked):
    found = set()
    for path in glob.glob(os.path.join(store, "new", "*")) + glob.glob(os.path.join(store, "cur", "*")):
        with open(path, "rb") as f:
            data = f.read()
        head = data[:8192]
        at = head.find(b"X-Bench-Id: ")
        if at < 0:
            continue
        ident = head[at + 12:head.find(b"\r\n", at)].decode()
        if data.endswith(f"bench-end {ident}\r\n".encode()):
            found.add(ident)
    return len(acked - found)


def fs_create_us(directory):
    """Microseconds to create an empty file here: ext4 without a journal slows file creation for
    minutes after mass deletes, which would make any persisting server look slow."""
    probe = tempfile.mkdtemp(prefix="probe-", dir=directory)
    start = time.perf_counter()
    for i in range(50):
        open(os.path.join(probe, str(i)), "w").close()
    elapsed = (time.perf_counter() - start) / 50 * 1e6
    shutil.rmtree(probe)
    return elapsed


def wait_for_healthy_fs(directory, limit_us=200, max_wait_s=420):
    deadline = time.time() + max_wait_s
    while True:
        us = fs_create_us(directory)
        if us < limit_us or time.time() > deadline:
            return us
        print(f"  file creation takes {us:.0f} us here (> {limit_us}); waiting for ext4 to settle...", flush=True)
        time.sleep(15)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(kind, binary, port, store):
    if kind == "mailsink":
        return [binary, "serve", "--quiet", "--store", store, "--smtp", f"127.0.0.1:{port}", "--no-pop3", "--no-http", "--no-imap",
                "--max-connections", "1000"], ["new/*", "cur/*"]
    os.chmod(store, 0o777)  # smtp-sink drops to nobody
    return [SMTP_SINK, "-u", "nobody", "-m", "1000", "-d", os.path.join(store, "%H%M%S."), f"127.0.0.1:{port}",
            "1024"], ["*"]  # -m: its default of 256 connections at once would queue the 500-concurrent load


def run_once(kind, binary, scenario, workdir):
    size, conns, msgs, per_message = SCENARIOS[scenario]
    subprocess.run(["sync"])
    fs_us = fs_create_us(workdir)
    store = tempfile.mkdtemp(prefix=f"{kind}-{scenario}-", dir=workdir)
    os.sync()  # the previous run's unflushed files (smtp-sink -d) must not be paid for by this one's fsyncs
    port = free_port()
    command, globs = server_command(kind, binary, port, store)
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        cpu_before = cpu_seconds(server.pid)
        client_before = client_cpu_seconds()
        machine_before = cpu_times()
        if scenario.startswith("src-"):
            wall, latencies, acked, errors, banners = smtp_source_load(port, size, conns, msgs)
        else:
            wall, latencies, acked, errors, banners = asyncio.run(load(port, size, conns, msgs, per_message))
        cpu = cpu_seconds(server.pid) - cpu_before
        client_cpu = client_cpu_seconds() - client_before
        machine_after = cpu_times()
        rss = peak_rss_kib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    if scenario.startswith("src-"):
        lost = max(0, len(acked) - sum(count_stored(store, g) for g in globs))
    else:
        lost = verify(store, acked) if kind == "mailsink" else verify_dump(store, acked)
    latencies.sort()
    banners.sort()
    pct = lambda xs, p: xs[min(len(xs) - 1, int(p * len(xs)))] * 1000 if xs else float("nan")
    return {"server": kind, "scenario": scenario, "msgs_per_s": len(acked) / wall,
            "mb_per_s": len(acked) * size / wall / 1e6,
            "p50_ms": pct(latencies, 0.50), "p99_ms": pct(latencies, 0.99), "banner_p99_ms": pct(banners, 0.99),
            "peak_rss_mib": rss / 1024, "ok": len(acked), "planned": conns * msgs, "lost": lost,
            "errors": errors[:3], "exit": server.returncode, "fs_create_us": fs_us,
            # CPU time the hypervisor gave to others while this VM wanted it: a run with much is not comparable
            "steal_pct": 100 * (machine_after[1] - machine_before[1]) / max(1, machine_after[0] - machine_before[0]),
            "cpu_us_per_msg": cpu / max(1, len(acked)) * 1e6,
            "client_cpu_us_per_msg": client_cpu / max(1, len(acked)) * 1e6}


def verify_dump(store, acked):
    """smtp-sink -d files: one per message, X-Bench-Id inside."""
    found = set()
    for path in glob.glob(os.path.join(store, "*")):
        with open(path, "rb") as f:
            data = f.read()
        at = data.find(b"X-Bench-Id: ")
        if at >= 0:
            found.add(data[at + 12:data.find(b"\n", at)].rstrip(b"\r").decode())  # smtp-sink writes LF
    return len(acked - found)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default="build/app/mailsink")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS))
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--workdir", default="/var/tmp/mailsink-bench",
                        help="stores go here (kept until the end: deleting many files slows ext4 for minutes)")
    parser.add_argument("--json", help="also write all runs to this file")
    parser.add_argument("--keep-store", action="store_true", help="do not print the clean-up hint")
    parser.add_argument("--peer", action="store_true",
                        help="also run Postfix's smtp-sink -d (apt-get install postfix) under the same load")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="suite-", dir=args.workdir)
    os.chmod(workdir, 0o755)  # smtp-sink -u nobody must reach its store below it
    print(f"file creation probe: {wait_for_healthy_fs(workdir):.0f} us", flush=True)
    load_start = os.getloadavg()[0]
    kinds = ["mailsink"] + (["smtp-sink-d"] if args.peer else [])
    scenarios = [sc for sc in args.scenarios.split(",")
                 if not sc.startswith("src-") or os.path.exists(SMTP_SOURCE) or print(f"(no {SMTP_SOURCE}: {sc} skipped)")]
    runs = []
    try:
        for rep in range(args.reps):
            for scenario in scenarios:
                for kind in kinds:  # alternating, so both see the same machine load
                    result = run_once(kind, os.path.abspath(args.binary), scenario, workdir)
                    runs.append(result)
                    print(f"  rep {rep + 1} {kind:11s} {scenario:14s} {result['msgs_per_s']:9.1f} msg/s "
                          f"{result['mb_per_s']:7.1f} MB/s  p50 {result['p50_ms']:7.2f} ms  p99 {result['p99_ms']:7.2f} ms"
                          f"  banner p99 {result['banner_p99_ms']:7.2f} ms  rss {result['peak_rss_mib']:5.1f} MiB"
                          f"  cpu {result['cpu_us_per_msg']:,.0f} us/msg (client {result['client_cpu_us_per_msg']:,.0f})  ok {result['ok']}/{result['planned']}"
                          f"  lost {result['lost']}  fs {result['fs_create_us']:.0f} us  steal {result['steal_pct']:.0f}%"
                          f" {' '.join(result['errors'])}",
                          flush=True)
    finally:
        if not args.keep_store:
            print(f"(stores kept in {workdir}; delete them when no benchmark follows)")
    print(f"\nmedians over {args.reps} runs (Mailsink: durable commit; smtp-sink -d: writes, never flushes):")
    print("| scenario | server | msgs/s | ratio | MB/s | eod p50 ms | eod p99 ms | banner p99 ms | peak RSS MiB"
          " | server CPU us/msg | client CPU us/msg | failed | lost |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for scenario in scenarios:
        base = None
        for kind in kinds:
            rs = [r for r in runs if r["scenario"] == scenario and r["server"] == kind]
            med = lambda k: statistics.median(r[k] for r in rs)
            rate = med("msgs_per_s")
            if kind == "mailsink":
                base = rate
            ratio = "" if kind == "mailsink" else f"{base / rate:.2f}x" if rate else "-"
            if kind != "mailsink" and rate:
                # Each rep ran both servers back to back: the ratio within a rep is the fairest figure.
                own = [r["msgs_per_s"] for r in runs if r["scenario"] == scenario and r["server"] == "mailsink"]
                per_rep = [m / r["msgs_per_s"] for m, r in zip(own, rs) if r["msgs_per_s"]]
                if per_rep:
                    ratio += f" ({min(per_rep):.2f}-{max(per_rep):.2f})"
            failed = sum(r["planned"] - r["ok"] for r in rs)
            print(f"| {scenario} | {kind} | {rate:,.0f} | {ratio} | {med('mb_per_s'):.1f} | {med('p50_ms'):.2f} | "
                  f"{med('p99_ms'):.2f} | {med('banner_p99_ms'):.1f} | {med('peak_rss_mib'):.1f} | "
                  f"{med('cpu_us_per_msg'):,.0f} | {med('client_cpu_us_per_msg'):,.0f} | {failed} | {sum(r['lost'] for r in rs)} |")
    print("(ratio: Mailsink's msgs/s over smtp-sink -d's, of the medians, and in brackets the range of the"
          " ratios within one rep; > 1 means Mailsink is faster)")
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (at the start: {load_start:.1f}); CPU steal during"
          f" the runs: median {statistics.median(r['steal_pct'] for r in runs):.0f}%,"
          f" at most {max(r['steal_pct'] for r in runs):.0f}%")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(runs, f, indent=1)
    return 1 if any(r["lost"] for r in runs) else 0


if __name__ == "__main__":
    sys.exit(main())
