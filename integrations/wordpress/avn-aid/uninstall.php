<?php
/**
 * Runs when the plugin is deleted from the Plugins screen: removes its one option (on every
 * site of a network). Pages keep their blocks (which then show nothing)
 * and shortcodes (which then show as plain text).
 *
 * @package AVN_Aid
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $avn_aid_site_id ) {
		switch_to_blog( $avn_aid_site_id );
		delete_option( 'avn_aid_settings' );
		restore_current_blog();
	}
} else {
	delete_option( 'avn_aid_settings' );
}
