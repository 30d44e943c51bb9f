import { type AddressInfo } from "node:net";
import express from "express";
import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "./trust-proxy.js";

describe("parseTrustProxy", () => {
  it("reads a hop count as a number, true and false as booleans", () => {
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy(" 2 ")).toBe(2);
    expect(parseTrustProxy("0")).toBe(0);
    expect(parseTrustProxy("true")).toBe(true);
    expect(parseTrustProxy("TRUE")).toBe(true);
    expect(parseTrustProxy("false")).toBe(false);
  });

  it("reads anything else as a list of addresses, subnets and names", () => {
    expect(parseTrustProxy("loopback")).toEqual(["loopback"]);
    expect(parseTrustProxy("Loopback, 10.0.0.0/8 ,fe80::/10,192.0.2.1")).toEqual([
      "loopback",
      "10.0.0.0/8",
      "fe80::/10",
      "192.0.2.1",
    ]);
    expect(parseTrustProxy("linklocal,uniquelocal,10.0.0.0/255.0.0.0,::1")).toEqual([
      "linklocal",
      "uniquelocal",
      "10.0.0.0/255.0.0.0",
      "::1",
    ]);
  });

  it("is unset when empty", () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy("")).toBeUndefined();
    expect(parseTrustProxy("  ")).toBeUndefined();
  });

  it.each(["yes", "-1", "1.5", "10.0.0.0/33", "::1/129", "10.0.0.1,", "10.0.0.0/8/8", "proxy"])(
    "refuses %j with a readable message",
    (value) => {
      expect(() => parseTrustProxy(value)).toThrow(/is not a hop count, true or false/);
    },
  );

  it("gives Express values it accepts and means as written", () => {
    const trustFor = (value: string) => {
      const app = express();
      app.set("trust proxy", parseTrustProxy(value));
      return app.get("trust proxy fn") as (address: string, hop: number) => boolean;
    };
    // One hop: the proxy in front is trusted whatever its address, the next one is not.
    expect(trustFor("1")("127.0.0.1", 0)).toBe(true);
    expect(trustFor("1")("203.0.113.9", 0)).toBe(true);
    expect(trustFor("1")("203.0.113.9", 1)).toBe(false);
    expect(trustFor("true")("203.0.113.9", 5)).toBe(true);
    expect(trustFor("false")("127.0.0.1", 0)).toBe(false);
    expect(trustFor("loopback,10.0.0.0/8")("10.1.2.3", 0)).toBe(true);
    expect(trustFor("loopback,10.0.0.0/8")("192.0.2.1", 0)).toBe(false);
    // What the raw strings did: "1" is the address 0.0.0.1; "true" is refused.
    const raw = express();
    raw.set("trust proxy", "1");
    expect((raw.get("trust proxy fn") as (a: string, i: number) => boolean)("127.0.0.1", 0)).toBe(
      false,
    );
    expect(() => express().set("trust proxy", "true")).toThrow();
  });

  it("with one hop, req.ip is the address the proxy saw", async () => {
    const app = express();
    app.set("trust proxy", parseTrustProxy("1"));
    app.get("/", (req, res) => {
      res.send(req.ip);
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const ipFor = async (forwardedFor: string) =>
        (
          await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } })
        ).text();
      expect(await ipFor("198.51.100.7")).toBe("198.51.100.7");
      // A client cannot pick its address by sending its own header: only the last hop counts.
      expect(await ipFor("10.9.9.9, 198.51.100.8")).toBe("198.51.100.8");
    } finally {
      server.close();
    }
  });
});
