"""A local SMTP server for the tests: every message it accepts is stored twice in a folder.

    .tools/aiosmtpd/bin/python scripts/smtp_sink.py PORT DIR [--until-killed]

aiosmtpd (PyPI, installed by scripts/bootstrap.sh) listens on 127.0.0.1:PORT (0: any free port).
Each accepted message is written as DIR/<n>.eml (as received) and DIR/<n>.json (decoded with
Python's email package: message_id, from, to, envelope recipients, subject, the plain-text and HTML
parts, every header), so tests read what a mail client would show. The line "ready <port>" on
standard output says it listens. It stops when standard input closes: a test process that started it
(and holds the pipe) takes it down when it ends, however it ends. With --until-killed it runs until it
is sent a signal (Playwright's web servers get no standard input).
"""

import email
import email.policy
import itertools
import json
import os
import signal
import socket
import sys

from aiosmtpd.controller import Controller


class Folder:
    def __init__(self, path: str) -> None:
        self.path = path
        self.counter = itertools.count()
        os.makedirs(path, exist_ok=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = msg.get_body(("plain",))
        html = msg.get_body(("html",))
        record = {
            "message_id": str(msg["Message-ID"]),
            "from": str(msg["From"]),
            "to": str(msg["To"]),
            "rcpt_tos": envelope.rcpt_tos,
            "subject": str(msg["Subject"]),
            "text": text.get_content() if text is not None else None,
            "html": html.get_content() if html is not None else None,
            "headers": {k: str(v) for k, v in msg.items()},
        }
        name = f"{os.getpid()}-{next(self.counter):07d}"
        with open(os.path.join(self.path, name + ".eml"), "wb") as f:
            f.write(envelope.content)
        # Written whole, then renamed: a reader never sees half a file.
        tmp = os.path.join(self.path, name + ".tmp")
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(record, f, ensure_ascii=False)
        os.rename(tmp, os.path.join(self.path, name + ".json"))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    port = int(sys.argv[1]) or free_port()
    controller = Controller(Folder(sys.argv[2]), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"ready {port}", flush=True)
    try:
        if "--until-killed" in sys.argv[3:]:
            signal.sigwait([signal.SIGINT, signal.SIGTERM])
        else:
            sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
