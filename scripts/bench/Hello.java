/** The hello-world JVM of scripts/bench-startup.sh: the floor any Java command stands on. */
public final class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
