<?php
/**
 * Installs the throwaway WordPress of tests/wordpress/ (site.mjs runs it with the PHP CLI, with
 * WORDPRESS_CONFIG=avn-aid-test so Debian's wp-config.php loads the test's config file).
 *
 *   php install.php install   wp_install(), plain permalinks, theme Twenty Twenty-Three, the plugin activated
 *   php install.php setup     (a normal load, plugins running) the site-wide defaults, the users and
 *                             their application passwords; prints one line "AVN-AID-JSON {…}"
 *   php install.php uninstall deactivates and deletes the plugin as the Plugins screen would
 *                             (its uninstall.php runs); says whether its option is still there
 *
 * Environment: AVN_WP_URL (http://127.0.0.1:<port>), AVN_WP_DEFAULTS (JSON of the plugin's option).
 */

if ( 'cli' !== PHP_SAPI ) {
	exit( 1 );
}

$avn_phase = isset( $argv[1] ) ? $argv[1] : '';
$avn_url   = (string) getenv( 'AVN_WP_URL' );
$avn_parts = parse_url( $avn_url );
if ( ! in_array( $avn_phase, array( 'install', 'setup', 'uninstall' ), true ) || empty( $avn_parts['host'] ) ) {
	fwrite( STDERR, "usage: AVN_WP_URL=http://127.0.0.1:PORT php install.php install|setup|uninstall\n" );
	exit( 2 );
}

// What a web request would have: Debian's wp-config.php reads both.
$_SERVER['HTTP_HOST']        = $avn_parts['host'] . ( isset( $avn_parts['port'] ) ? ':' . $avn_parts['port'] : '' );
$_SERVER['SERVER_NAME']      = $avn_parts['host'];
$_SERVER['REQUEST_URI']      = '/';
$_SERVER['REQUEST_METHOD']   = 'GET';
$_SERVER['WORDPRESS_CONFIG'] = (string) getenv( 'WORDPRESS_CONFIG' );

/**
 * No mail leaves the test site (wp_install() would send the "new site" message).
 *
 * @return bool
 */
function wp_mail() {
	return true;
}

if ( 'install' === $avn_phase ) {
	define( 'WP_INSTALLING', true );
}
require ( getenv( 'WORDPRESS_ROOT' ) ? getenv( 'WORDPRESS_ROOT' ) : '/usr/share/wordpress' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

/**
 * Stops with a message on stderr.
 *
 * @param string $message What failed.
 */
function avn_fail( $message ) {
	fwrite( STDERR, "install.php: $message\n" );
	exit( 1 );
}

if ( 'install' === $avn_phase ) {
	if ( is_blog_installed() ) {
		avn_fail( 'the database already has a WordPress in it' );
	}
	$avn_installed = wp_install( 'St Example Hospital', 'admin', 'admin@hospital.example', false, '', wp_generate_password( 24, false ) );
	if ( is_wp_error( $avn_installed ) ) {
		avn_fail( $avn_installed->get_error_message() );
	}
	update_option( 'permalink_structure', '' );
	switch_theme( 'twentytwentythree' );
	$avn_activated = activate_plugin( 'avn-aid/avn-aid.php' );
	if ( is_wp_error( $avn_activated ) ) {
		avn_fail( 'activating the plugin: ' . $avn_activated->get_error_message() );
	}
	exit( 0 );
}

if ( 'uninstall' === $avn_phase ) {
	// The database itself: get_option() would answer with the default register_setting() gives.
	$avn_stored = function () {
		global $wpdb;
		return null !== $wpdb->get_var( $wpdb->prepare( "SELECT option_id FROM $wpdb->options WHERE option_name = %s", 'avn_aid_settings' ) );
	};
	$avn_before = $avn_stored();
	deactivate_plugins( 'avn-aid/avn-aid.php' );
	uninstall_plugin( 'avn-aid/avn-aid.php' );
	$avn_after = $avn_stored();
	echo 'option before: ' . ( $avn_before ? 'yes' : 'no' ) . ', after: ' . ( $avn_after ? 'yes' : 'no' ) . "\n";
	exit( 0 );
}

// --- setup: a normal load, so the plugin is running (its sanitize callback checks the defaults).
if ( ! function_exists( 'avn_aid_render' ) ) {
	avn_fail( 'the plugin is not active' );
}
if ( 'twentytwentythree' !== get_stylesheet() ) {
	avn_fail( 'the theme is ' . get_stylesheet() );
}

$avn_defaults = json_decode( (string) getenv( 'AVN_WP_DEFAULTS' ), true );
update_option( 'avn_aid_settings', is_array( $avn_defaults ) ? $avn_defaults : array() );

// Editors lose unfiltered_html, as on a site that restricts them (or on multisite). The
// DISALLOW_UNFILTERED_HTML constant would do it for every role, administrators included, and
// test (a) needs an administrator who may paste the raw snippet.
get_role( 'editor' )->remove_cap( 'unfiltered_html' );

$avn_users = array();
foreach ( array( 'admin', 'author', 'editor' ) as $avn_login ) {
	$avn_password = wp_generate_password( 24, false );
	$avn_user     = get_user_by( 'login', $avn_login );
	if ( $avn_user ) {
		wp_set_password( $avn_password, $avn_user->ID );
		$avn_id = $avn_user->ID;
	} else {
		$avn_id = wp_insert_user(
			array(
				'user_login'   => $avn_login,
				'user_pass'    => $avn_password,
				'user_email'   => $avn_login . '@hospital.example',
				'display_name' => ucfirst( $avn_login ),
				'role'         => $avn_login,
			)
		);
		if ( is_wp_error( $avn_id ) ) {
			avn_fail( "creating $avn_login: " . $avn_id->get_error_message() );
		}
	}
	$avn_app = WP_Application_Passwords::create_new_application_password( $avn_id, array( 'name' => 'avn-aid tests' ) );
	if ( is_wp_error( $avn_app ) ) {
		avn_fail( "application password for $avn_login: " . $avn_app->get_error_message() );
	}
	$avn_user                = get_user_by( 'id', $avn_id );
	$avn_users[ $avn_login ] = array(
		'id'                  => $avn_id,
		'password'            => $avn_password,
		'applicationPassword' => $avn_app[0],
		'unfilteredHtml'      => user_can( $avn_user, 'unfiltered_html' ),
		'manageOptions'       => user_can( $avn_user, 'manage_options' ),
	);
}

echo 'AVN-AID-JSON ' . wp_json_encode(
	array(
		'users'    => $avn_users,
		'settings' => get_option( 'avn_aid_settings' ),
		'wp'       => get_bloginfo( 'version' ),
		'php'      => PHP_VERSION,
	)
) . "\n";
