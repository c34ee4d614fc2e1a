package fixture;

public class Sum {
}
