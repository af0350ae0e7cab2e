#!/usr/bin/env python3
"""A local SMTP server for the tests of Traguardo's mail delivery (aiosmtpd, from PyPI).

Every message it accepts is written to --dir as a JSON file (sender, recipients, the raw message), so a test
reads what a real SMTP server received. With --user/--password it asks for AUTH; with --cert/--key it offers
STARTTLS and refuses AUTH before it. With --reject it answers 550 to that recipient. It prints "ready PORT" once
it listens, then runs until its standard input closes (the test that started it ended, however it ended) or it
is sent SIGTERM.
"""
import argparse
import json
import os
import signal
import ssl
import sys
import time
import uuid

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Store:
    def __init__(self, folder, reject):
        self.folder = folder
        self.reject = reject

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.reject:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "data": envelope.original_content.decode("utf-8", "replace"),
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
        }
        name = f"{time.time_ns()}-{uuid.uuid4().hex}.json"
        with open(os.path.join(self.folder, name + ".tmp"), "w", encoding="utf-8") as f:
            json.dump(record, f)
        os.rename(os.path.join(self.folder, name + ".tmp"), os.path.join(self.folder, name))
        return "250 Message accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--dir", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--reject")
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user
              and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False)

    options = {}
    if args.user:
        options.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(args.cert))
    if args.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.cert, args.key)
        options.update(tls_context=context, require_starttls=True)
    controller = Controller(Store(args.dir, args.reject), hostname="127.0.0.1", port=args.port, **options)
    # A parent may start us with SIGTERM blocked or ignored: restore the default so terminate() ends us.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    controller.start()
    print(f"ready {args.port}", flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    sys.exit(main())
