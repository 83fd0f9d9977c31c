#!/usr/bin/env python3
"""TCP and UDP listeners and probes for the network-namespace lab (scripts/netns-lab).

  netns-probe.py listen PORT...
      Listens on every PORT for TCP (accept, then close) and UDP (echo the
      datagram back) on all addresses; prints "listening" once bound and runs
      until standard input closes.
  netns-probe.py probe TIMEOUT PROTO:ADDRESS:PORT...
      Probes every target at once and prints one line per target, in order:
      "PROTO ADDRESS PORT RESULT [DETAIL]" with RESULT
        open     TCP handshake completed / UDP echo came back
        blocked  no answer within TIMEOUT seconds, or an ICMP error other
                 than port unreachable (a policy reject)
        refused  TCP reset / ICMP port unreachable: the packet arrived but
                 nothing listened (a fault of the lab, not a policy verdict)

Run inside a namespace with `ip netns exec NAMESPACE python3 netns-probe.py ...`.
"""
import errno
import os
import selectors
import socket
import sys
import time


def listen(ports):
    selector = selectors.DefaultSelector()
    for port in ports:
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        tcp.bind(("0.0.0.0", port))
        tcp.listen(512)
        tcp.setblocking(False)
        selector.register(tcp, selectors.EVENT_READ, "tcp")
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind(("0.0.0.0", port))
        udp.setblocking(False)
        selector.register(udp, selectors.EVENT_READ, "udp")
    selector.register(sys.stdin, selectors.EVENT_READ, "stdin")
    print("listening", flush=True)
    while True:
        for key, _ in selector.select():
            if key.data == "stdin":
                if not os.read(sys.stdin.fileno(), 4096):
                    return
            elif key.data == "tcp":
                accept_and_close(key.fileobj)
            else:
                echo(key.fileobj)


def accept_and_close(server):
    try:
        connection, _ = server.accept()
        connection.close()
    except OSError:
        pass


def echo(server):
    try:
        data, peer = server.recvfrom(2048)
        server.sendto(data, peer)
    except OSError:
        pass


class Probe:
    def __init__(self, target):
        proto, address, port = target.split(":")
        if proto not in ("tcp", "udp"):
            raise ValueError(f"unknown protocol in {target}")
        self.proto, self.address, self.port = proto, address, int(port)
        self.result, self.detail = None, ""
        kind = socket.SOCK_STREAM if proto == "tcp" else socket.SOCK_DGRAM
        self.socket = socket.socket(socket.AF_INET, kind)
        self.socket.setblocking(False)

    def start(self):
        """Sends the first packet; returns the event to wait for, or None when decided."""
        code = self.socket.connect_ex((self.address, self.port))
        if self.proto == "tcp":
            if code in (0, errno.EINPROGRESS):
                return selectors.EVENT_WRITE
            return self.decide_error(code)
        if code != 0:
            return self.decide_error(code)
        try:
            self.socket.send(b"palisade-probe")
        except OSError as error:
            return self.decide_error(error.errno)
        return selectors.EVENT_READ

    def finish(self):
        if self.proto == "tcp":
            code = self.socket.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if code == 0:
                self.result = "open"
            else:
                self.decide_error(code)
            return
        try:
            self.socket.recv(2048)
            self.result = "open"
        except OSError as error:
            self.decide_error(error.errno)

    def decide_error(self, code):
        self.result = "refused" if code == errno.ECONNREFUSED else "blocked"
        self.detail = errno.errorcode.get(code, str(code))
        return None


def probe(timeout, targets):
    probes = [Probe(target) for target in targets]
    selector = selectors.DefaultSelector()
    for item in probes:
        event = item.start()
        if event is not None:
            selector.register(item.socket, event, item)
    deadline = time.monotonic() + timeout
    while selector.get_map():
        left = deadline - time.monotonic()
        if left <= 0:
            break
        for key, _ in selector.select(left):
            selector.unregister(key.fileobj)
            key.data.finish()
    for item in probes:
        if item.result is None:
            item.result, item.detail = "blocked", "timeout"
        item.socket.close()
        print(f"{item.proto} {item.address} {item.port} {item.result} {item.detail}".rstrip())


def main(arguments):
    if len(arguments) >= 2 and arguments[0] == "listen":
        listen([int(port) for port in arguments[1:]])
    elif len(arguments) >= 3 and arguments[0] == "probe":
        probe(float(arguments[1]), arguments[2:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
