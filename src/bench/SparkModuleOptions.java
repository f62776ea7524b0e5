/**
 * Prints the JVM flags Spark's launcher adds on Java 17 ({@code --add-opens} and the like), for
 * {@code spark-bench.sh}, which runs the Spark job with {@code java} rather than spark-submit.
 *
 * <p>Usage: {@code java -cp SPARK_CLASSPATH SparkModuleOptions.java}
 */
public final class SparkModuleOptions {

    private SparkModuleOptions() {
    }

    public static void main(String[] args) {
        System.out.println(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions());
    }
}
