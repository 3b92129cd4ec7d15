// Stands in for the images @plesk/ui-library's CommonJS build requires: jest cannot parse them.
module.exports = 'ui-library-image';
