package dev.stele.server;

import dev.stele.http.auth.PasswordHash;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code bin/stele-passwd [--iterations N]}: prints the hash of a password for a {@code user} line
 * of the users file. The password is read from standard input (its first line), or asked twice
 * on a terminal; never from the command line, where other users and the shell history see it.
 */
public final class PasswordCommand {
  private PasswordCommand() {}

  public static void main(String[] args) {
    int iterations = PasswordHash.DEFAULT_ITERATIONS;
    if (args.length == 2 && args[0].equals("--iterations") && args[1].matches("[0-9]{1,8}")) {
      iterations = Integer.parseInt(args[1]);
    } else if (args.length != 0) {
      System.err.println("usage: stele-passwd [--iterations N] < password-file");
      System.err.println("Prints a hash for a 'user NAME HASH ROLES' line of the users file.");
      System.exit(2);
    }
    char[] password;
    try {
      password = read();
    } catch (IOException e) {
      System.err.println("stele-passwd: cannot read the password: " + e.getMessage());
      System.exit(1);
      return;
    }
    if (password == null || password.length == 0) {
      System.err.println("stele-passwd: no password given (empty input)");
      System.exit(1);
      return;
    }
    try {
      System.out.println(PasswordHash.hash(password, iterations));
    } catch (IllegalArgumentException e) {
      System.err.println("stele-passwd: " + e.getMessage());
      System.exit(2);
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] read() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("Password: ");
      char[] again = console.readPassword("Again: ");
      if (first == null || !Arrays.equals(first, again)) {
        throw new IOException("the two passwords differ");
      }
      return first;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine(); // the first line, without its line end
    return line == null ? null : line.toCharArray();
  }
}
