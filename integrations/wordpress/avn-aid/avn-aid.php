<?php
/**
 * Plugin Name:       AVN patient decision aid
 * Description:       Puts the avascular necrosis (AVN) patient decision aid on a page, with the "AVN patient guide" block or the [avn_aid] shortcode. The guide runs in the patient's browser and sends nothing anywhere.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       avn-aid
 *
 * @package AVN_Aid
 */

defined( 'ABSPATH' ) || exit;

define( 'AVN_AID_PLUGIN_VERSION', '0.1.0' );
define( 'AVN_AID_PLUGIN_FILE', __FILE__ );
define( 'AVN_AID_PLUGIN_DIR', plugin_dir_path( __FILE__ ) );

require_once AVN_AID_PLUGIN_DIR . 'includes/script.php';
require_once AVN_AID_PLUGIN_DIR . 'includes/settings.php';
require_once AVN_AID_PLUGIN_DIR . 'includes/render.php';
require_once AVN_AID_PLUGIN_DIR . 'includes/admin.php';

add_action( 'init', 'avn_aid_register_script' );
add_action( 'init', 'avn_aid_register_setting' );
add_action( 'init', 'avn_aid_register_shortcode_and_block' );
add_action( 'enqueue_block_editor_assets', 'avn_aid_editor_data' );

if ( is_admin() ) {
	add_action( 'admin_menu', 'avn_aid_add_settings_page' );
	add_action( 'admin_init', 'avn_aid_add_settings_fields' );
	add_action( 'admin_notices', 'avn_aid_missing_script_notice' );
	add_filter( 'plugin_action_links_' . plugin_basename( __FILE__ ), 'avn_aid_plugin_action_links' );
}
